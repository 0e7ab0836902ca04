package org.agora.identity.signup;

import static org.agora.identity.domain.signup.SignupThrottle.Admission.ACTIVE;
import static org.agora.identity.domain.signup.SignupThrottle.Admission.PENDING_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.agora.identity.domain.signup.SignupThrottle;
import org.junit.jupiter.api.Test;

class SignupThrottleTest {
  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void upToTheRateAccountsAreActiveAboveItTheyAwaitApproval() {
    var clock = new ManualClock();
    var throttle = new SignupThrottle(clock, 3);
    assertThat(throttle.admit()).isEqualTo(ACTIVE);
    assertThat(throttle.admit()).isEqualTo(ACTIVE);
    assertThat(throttle.admit()).isEqualTo(ACTIVE);
    assertThat(throttle.admit()).isEqualTo(PENDING_APPROVAL);
    assertThat(throttle.admit()).isEqualTo(PENDING_APPROVAL);
    assertThat(PENDING_APPROVAL.state()).isEqualTo("pending_approval");
  }

  @Test
  void theWindowSlidesOverOneMinute() {
    var clock = new ManualClock();
    var throttle = new SignupThrottle(clock, 2);
    throttle.admit();
    clock.advance(Duration.ofSeconds(30));
    throttle.admit();
    assertThat(throttle.admit()).isEqualTo(PENDING_APPROVAL);
    // The first sign-up leaves the window after 60 s; the other two are still in it.
    clock.advance(Duration.ofSeconds(31));
    assertThat(throttle.admit()).isEqualTo(PENDING_APPROVAL);
    clock.advance(Duration.ofSeconds(61));
    assertThat(throttle.admit()).isEqualTo(ACTIVE);
  }

  @Test
  void aLongBurstStaysThrottledWhileItLasts() {
    var clock = new ManualClock();
    var throttle = new SignupThrottle(clock, 5);
    int pending = 0;
    for (int i = 0; i < 100; i++) {
      if (throttle.admit() == PENDING_APPROVAL) {
        pending++;
      }
      clock.advance(Duration.ofMillis(500));
    }
    assertThat(pending).isEqualTo(95);
  }

  @Test
  void zeroMeansEveryAccountNeedsApproval() {
    assertThat(new SignupThrottle(new ManualClock(), 0).admit()).isEqualTo(PENDING_APPROVAL);
    assertThatThrownBy(() -> new SignupThrottle(new ManualClock(), -1))
        .hasMessage("maxPerMinute: -1, at least 0");
  }
}
