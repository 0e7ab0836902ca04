package org.agora.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.agora.timeline.domain.RebuildProgress;
import org.junit.jupiter.api.Test;

class RebuildProgressTest {
  private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void theEtaIsTheLagAtTheRateSoFar() {
    var running =
        new RebuildProgress(RebuildProgress.RUNNING, 2, null, 30_000, 60_000, START, null, null);
    Instant now = START.plusSeconds(10);
    assertThat(running.eventsPerSecond(now)).isEqualTo(3_000.0);
    assertThat(running.etaSeconds(now)).isEqualTo(20.0);
    assertThat(running.durationSeconds(now)).isEqualTo(10.0);
  }

  @Test
  void nothingIsKnownBeforeTheFirstBatchAndNothingIsLeftOnceSwitched() {
    var starting =
        new RebuildProgress(RebuildProgress.RUNNING, null, null, 0, 0, START, null, null);
    assertThat(starting.etaSeconds(START.plusSeconds(1))).isNull();
    var done =
        new RebuildProgress(
            RebuildProgress.SWITCHED, 3, 2, 1_000, 0, START, START.plusSeconds(4), null);
    assertThat(done.etaSeconds(START.plusSeconds(60))).isZero();
    assertThat(done.eventsPerSecond(START.plusSeconds(60))).isEqualTo(250.0);
    assertThat(RebuildProgress.idle().etaSeconds(START)).isNull();
  }
}
