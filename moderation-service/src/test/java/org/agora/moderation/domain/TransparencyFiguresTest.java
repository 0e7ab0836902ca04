package org.agora.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.PostId;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.ReportDismissed;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.reports.ReportFiled;
import org.junit.jupiter.api.Test;

class TransparencyFiguresTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  static StatementOfReasons reasons(String category, String source, List<UUID> reports) {
    return new StatementOfReasons(
        "account:m",
        category,
        "incompatible_with_terms",
        "c",
        null,
        "f",
        source,
        "automated".equals(source),
        false,
        List.of(),
        reports);
  }

  @Test
  void countsAndTimesFollowTheLog() {
    var account = new AccountId(UUID.randomUUID());
    PostId held = PostId.newId(T0);
    PostId reported = PostId.newId(T0);
    UUID report = UUID.randomUUID();
    List<AgoraEvent> log =
        List.of(
            new PostScreened(
                UUID.randomUUID(),
                held,
                "held",
                0.9,
                List.of("threat"),
                "v1",
                T0,
                T0.plusMillis(100)),
            new ReportFiled(
                report,
                account,
                account,
                List.of(reported),
                "spam",
                null,
                false,
                null,
                T0.plusSeconds(10)),
            new PostRemoved(
                UUID.randomUUID(),
                held,
                "c",
                T0.plusSeconds(60),
                reasons("threats", "automated", List.of())),
            new ReportDismissed(
                UUID.randomUUID(),
                account,
                reported,
                reasons("spam", "report", List.of(report)),
                T0.plusSeconds(40)),
            // outside the window: not counted
            new PostRemoved(
                UUID.randomUUID(),
                reported,
                "c",
                T0.plusSeconds(7200),
                reasons("spam", "moderator", List.of())));

    var figures = Transparency.compute(log, Map.of(), T0, T0.plusSeconds(3600));

    assertThat(figures.actions()).isEqualTo(3);
    assertThat(figures.reportsFiled()).isEqualTo(1);
    assertThat(figures.byAction())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("hold_post", 1L, "remove_post", 1L, "dismiss_report", 1L));
    assertThat(figures.byCategory())
        .containsExactlyInAnyOrderEntriesOf(Map.of("threats", 2L, "spam", 1L));
    assertThat(figures.bySource())
        .containsExactlyInAnyOrderEntriesOf(Map.of("automated", 2L, "report", 1L));
    // times: 0.1 s (hold), 30 s (report → dismissal), 60 s (publish → removal)
    assertThat(figures.timed()).isEqualTo(3);
    assertThat(figures.medianSecondsToAction()).isEqualTo(30.0);
    assertThat(figures.p99SecondsToAction()).isEqualTo(60.0);
  }

  @Test
  void anEmptyWindowHasNoTimes() {
    var figures = Transparency.compute(List.of(), T0, T0.plusSeconds(1));
    assertThat(figures.actions()).isZero();
    assertThat(figures.medianSecondsToAction()).isNull();
  }
}
