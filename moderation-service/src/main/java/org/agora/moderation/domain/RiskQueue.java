package org.agora.moderation.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Orders open queue items: items past or near their SLA deadline first (earliest deadline first),
 * then the rest by risk = severity × signal × reach × age. Signal is the screening score (scaled
 * 1..3) or the number of distinct reporters (1 + ln n), whichever is larger; reach is 1 + log10(1 +
 * followers of the author); age grows from 1 to 2 as the deadline approaches, and beyond.
 */
public final class RiskQueue {
  /** What the ordering needs to know about one open item. */
  public record Entry(
      UUID id,
      ReportCategory category,
      double screeningScore,
      int reporters,
      long followers,
      Instant openedAt) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(openedAt, "openedAt");
    }
  }

  /** An entry with its computed deadline, risk and SLA state. */
  public record Ranked(
      Entry entry, Instant deadline, double risk, boolean nearBreach, boolean breached) {}

  private final Clock clock;
  private final Map<ReportCategory, Duration> sla;
  private final double nearBreach;

  /**
   * @param sla the time allowed per category until a decision
   * @param nearBreach the fraction of the SLA left at which an item counts as near breach
   */
  public RiskQueue(Clock clock, Map<ReportCategory, Duration> sla, double nearBreach) {
    this.clock = clock;
    for (ReportCategory category : ReportCategory.values()) {
      if (!sla.containsKey(category)) {
        throw new IllegalArgumentException("no SLA for category " + category.id());
      }
    }
    this.sla = Map.copyOf(sla);
    this.nearBreach = nearBreach;
  }

  public Duration sla(ReportCategory category) {
    return sla.get(category);
  }

  public Ranked rank(Entry entry) {
    Instant now = clock.instant();
    Duration allowed = sla.get(entry.category());
    Instant deadline = entry.openedAt().plus(allowed);
    Duration left = Duration.between(now, deadline);
    boolean breached = left.isNegative();
    boolean near = left.toMillis() <= allowed.toMillis() * nearBreach;
    double signal =
        Math.max(
            1 + 2 * Math.clamp(entry.screeningScore(), 0, 1),
            1 + Math.log(Math.max(1, entry.reporters())));
    double reach = 1 + Math.log10(1 + Math.max(0, entry.followers()));
    double elapsed = Math.max(0, Duration.between(entry.openedAt(), now).toMillis());
    double age = 1 + elapsed / Math.max(1, allowed.toMillis());
    double risk = entry.category().severity() * signal * reach * age;
    return new Ranked(entry, deadline, risk, near, breached);
  }

  public List<Ranked> order(List<Entry> entries) {
    return entries.stream().map(this::rank).sorted(ORDER).toList();
  }

  public long breaches(List<Entry> entries) {
    return entries.stream().map(this::rank).filter(Ranked::breached).count();
  }

  private static final Comparator<Ranked> ORDER =
      Comparator.comparing((Ranked r) -> !r.nearBreach())
          .thenComparing((a, b) -> a.nearBreach() ? a.deadline().compareTo(b.deadline()) : 0)
          .thenComparing(Ranked::risk, Comparator.reverseOrder())
          .thenComparing(r -> r.entry().id());
}
