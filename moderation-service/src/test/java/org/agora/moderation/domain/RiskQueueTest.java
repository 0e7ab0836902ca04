package org.agora.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RiskQueueTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private final RiskQueue queue = new RiskQueue(Clock.fixed(NOW, ZoneOffset.UTC), sla(), 0.2);

  static Map<ReportCategory, Duration> sla() {
    var sla = new EnumMap<ReportCategory, Duration>(ReportCategory.class);
    sla.put(ReportCategory.TERRORISM, Duration.ofHours(1));
    sla.put(ReportCategory.VIOLENCE, Duration.ofHours(24));
    sla.put(ReportCategory.THREATS, Duration.ofHours(24));
    sla.put(ReportCategory.ILLEGAL_HATE, Duration.ofHours(24));
    sla.put(ReportCategory.HARASSMENT, Duration.ofDays(7));
    sla.put(ReportCategory.SPAM, Duration.ofDays(7));
    sla.put(ReportCategory.OTHER, Duration.ofDays(7));
    return sla;
  }

  private static RiskQueue.Entry entry(
      String name,
      ReportCategory category,
      double score,
      int reporters,
      long followers,
      Duration age) {
    return new RiskQueue.Entry(
        UUID.nameUUIDFromBytes(name.getBytes()),
        category,
        score,
        reporters,
        followers,
        NOW.minus(age));
  }

  @Test
  void itemsNearTheirDeadlineComeFirstEarliestDeadlineFirst() {
    var spamAlmostLate =
        entry("spam", ReportCategory.SPAM, 0, 1, 0, Duration.ofDays(6).plusHours(20));
    var terrorFresh =
        entry("terror", ReportCategory.TERRORISM, 0.9, 1, 10_000, Duration.ofMinutes(1));
    var terrorNear =
        entry("terror-near", ReportCategory.TERRORISM, 0.1, 1, 0, Duration.ofMinutes(50));
    var breached = entry("late", ReportCategory.VIOLENCE, 0, 1, 0, Duration.ofHours(25));

    var order = queue.order(List.of(terrorFresh, spamAlmostLate, terrorNear, breached));

    assertThat(order)
        .extracting(r -> r.entry())
        .containsExactly(breached, terrorNear, spamAlmostLate, terrorFresh);
    assertThat(order.getFirst().breached()).isTrue();
    assertThat(order.get(1).nearBreach()).isTrue();
    assertThat(order.get(3).nearBreach()).isFalse();
  }

  @Test
  void outsideTheSlaWindowRiskOrdersBySeverityScoreReachAndAge() {
    var spam = entry("spam", ReportCategory.SPAM, 0, 1, 0, Duration.ofHours(1));
    var violence = entry("violence", ReportCategory.VIOLENCE, 0, 1, 0, Duration.ofHours(1));
    var violenceManyReports =
        entry("reported", ReportCategory.VIOLENCE, 0, 10, 0, Duration.ofHours(1));
    var violenceWideReach =
        entry("reach", ReportCategory.VIOLENCE, 0, 1, 100_000, Duration.ofHours(1));

    var order = queue.order(List.of(spam, violence, violenceManyReports, violenceWideReach));

    assertThat(order)
        .extracting(r -> r.entry())
        .containsExactly(violenceWideReach, violenceManyReports, violence, spam);
  }

  @Test
  void riskIsTheProductOfItsFactors() {
    var item = entry("x", ReportCategory.VIOLENCE, 1.0, 1, 9, Duration.ofHours(12));

    var ranked = queue.rank(item);

    // severity 8 × signal (1 + 2×1.0) × reach (1 + log10 10) × age (1 + 12/24)
    assertThat(ranked.risk()).isCloseTo(8 * 3 * 2 * 1.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ranked.deadline()).isEqualTo(NOW.plus(Duration.ofHours(12)));
  }

  @Test
  void breachesAreCounted() {
    assertThat(
            queue.breaches(
                List.of(
                    entry("a", ReportCategory.TERRORISM, 0, 1, 0, Duration.ofHours(2)),
                    entry("b", ReportCategory.SPAM, 0, 1, 0, Duration.ofDays(1)))))
        .isEqualTo(1);
  }

  @Test
  void everyCategoryNeedsAnSla() {
    var partial = new EnumMap<>(sla());
    partial.remove(ReportCategory.OTHER);
    assertThatThrownBy(() -> new RiskQueue(Clock.systemUTC(), partial, 0.2))
        .hasMessageContaining("other");
  }
}
