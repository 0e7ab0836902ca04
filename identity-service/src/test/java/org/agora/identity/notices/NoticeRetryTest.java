package org.agora.identity.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.agora.identity.domain.notices.NoticeRetry;
import org.junit.jupiter.api.Test;

class NoticeRetryTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void waitsDoubleFromAMinuteUpToSixHours() {
    assertThat(NoticeRetry.next(NOW, 1)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    assertThat(NoticeRetry.next(NOW, 2)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    assertThat(NoticeRetry.next(NOW, 5)).isEqualTo(NOW.plus(Duration.ofMinutes(16)));
    assertThat(NoticeRetry.next(NOW, 9)).isEqualTo(NOW.plus(Duration.ofMinutes(256)));
    assertThat(NoticeRetry.next(NOW, 10)).isEqualTo(NOW.plus(Duration.ofHours(6)));
    assertThat(NoticeRetry.next(NOW, 1_000)).isEqualTo(NOW.plus(Duration.ofHours(6)));
  }

  @Test
  void theFirstRetryDoesNotRaceTheMailSentAtOnce() {
    // the mail sent right after the suspension retries for about 25 s before giving up
    assertThat(NoticeRetry.FIRST).isGreaterThan(Duration.ofSeconds(30));
  }
}
