package org.agora.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.PostId;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.ReportDismissed;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.reports.ReportFiled;

/**
 * The transparency report, computed from the decision and report logs alone: every action taken in
 * the window (by its decision time) counted by category, action and source, and the time from
 * publication (screening) or the first report to the action, as median and 99th percentile (nearest
 * rank). Screening holds count as automated actions.
 */
public final class Transparency {
  /** The figures of one window. */
  public record Figures(
      Instant from,
      Instant to,
      long actions,
      long reportsFiled,
      Map<String, Long> byCategory,
      Map<String, Long> byAction,
      Map<String, Long> bySource,
      long timed,
      Double medianSecondsToAction,
      Double p99SecondsToAction) {}

  private Transparency() {}

  /** {@code events} in log order; reports and screenings before the window still start clocks. */
  public static Figures compute(List<AgoraEvent> events, Instant from, Instant to) {
    return compute(events, Map.of(), from, to);
  }

  /**
   * As {@link #compute(List, Instant, Instant)}, with the publication times of posts whose
   * screening events are not in {@code events} (cleared ones, kept apart to save memory).
   */
  public static Figures compute(
      List<AgoraEvent> events, Map<PostId, Instant> publishedAt, Instant from, Instant to) {
    Map<UUID, Instant> reportFiled = new HashMap<>();
    Map<PostId, Instant> published = new HashMap<>(publishedAt);
    for (AgoraEvent event : events) {
      if (event instanceof ReportFiled filed) {
        reportFiled.merge(filed.reportId(), filed.filedAt(), (a, b) -> a.isBefore(b) ? a : b);
      } else if (event instanceof PostScreened screened && screened.publishedAt() != null) {
        published.putIfAbsent(screened.postId(), screened.publishedAt());
      }
    }
    var byCategory = new TreeMap<String, Long>();
    var byAction = new TreeMap<String, Long>();
    var bySource = new TreeMap<String, Long>();
    List<Duration> times = new ArrayList<>();
    long actions = 0;
    long reports = 0;
    for (AgoraEvent event : events) {
      if (event instanceof ReportFiled filed) {
        if (within(filed.filedAt(), from, to)) {
          reports++;
        }
        continue;
      }
      Action action = action(event);
      if (action == null || !within(action.at(), from, to)) {
        continue;
      }
      actions++;
      byCategory.merge(action.category(), 1L, Long::sum);
      byAction.merge(action.action().id(), 1L, Long::sum);
      bySource.merge(action.source(), 1L, Long::sum);
      Instant start = null;
      for (UUID report : action.reportIds()) {
        Instant filed = reportFiled.get(report);
        if (filed != null && (start == null || filed.isBefore(start))) {
          start = filed;
        }
      }
      if (start == null && action.post() != null) {
        start = published.get(action.post());
      }
      if (start != null && !start.isAfter(action.at())) {
        times.add(Duration.between(start, action.at()));
      }
    }
    times.sort(null);
    return new Figures(
        from,
        to,
        actions,
        reports,
        byCategory,
        byAction,
        bySource,
        times.size(),
        percentile(times, 0.5),
        percentile(times, 0.99));
  }

  private record Action(
      DecisionAction action,
      String category,
      String source,
      List<UUID> reportIds,
      PostId post,
      Instant at) {}

  private static Action action(AgoraEvent event) {
    return switch (event) {
      case PostScreened s when !s.cleared() ->
          new Action(
              DecisionAction.HOLD_POST,
              ReportCategory.mostSevere(s.categories()).id(),
              StatementOfReasons.SOURCE_AUTOMATED,
              List.of(),
              s.postId(),
              s.screenedAt());
      case PostRemoved r when r.reasons() != null ->
          of(DecisionAction.REMOVE_POST, r.reasons(), r.postId(), r.removedAt());
      case PostRestored r when r.reasons() != null ->
          of(DecisionAction.RESTORE_POST, r.reasons(), r.postId(), r.restoredAt());
      case PostLabeled l ->
          of(DecisionAction.LABEL_SENSITIVE, l.reasons(), l.postId(), l.labeledAt());
      case AccountSuspensionDecided s ->
          of(DecisionAction.SUSPEND_ACCOUNT, s.reasons(), null, s.decidedAt());
      case AccountReinstatementDecided r ->
          of(DecisionAction.REINSTATE_ACCOUNT, r.reasons(), null, r.decidedAt());
      case ReportDismissed d ->
          of(DecisionAction.DISMISS_REPORT, d.reasons(), d.postId(), d.dismissedAt());
      default -> null;
    };
  }

  private static Action of(
      DecisionAction action, StatementOfReasons reasons, PostId post, Instant at) {
    return new Action(
        action,
        reasons.category() == null ? ReportCategory.OTHER.id() : reasons.category(),
        reasons.source(),
        reasons.reportIds(),
        post,
        at);
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  /** Nearest-rank percentile in seconds (millisecond precision); null without samples. */
  static Double percentile(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1)).toMillis() / 1000.0;
  }
}
