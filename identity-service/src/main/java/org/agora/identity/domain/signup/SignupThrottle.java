package org.agora.identity.domain.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The service-wide sign-up rate check: while more than {@code maxPerMinute} accounts were
 * registered in the last minute, new accounts wait for a moderator's approval (read-only until
 * then) instead of being refused, so a burst cannot lock real people out.
 *
 * <p>NOTE: counted per instance; with n instances the effective limit is n × maxPerMinute.
 */
public final class SignupThrottle {
  public static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final int maxPerMinute;
  private final Deque<Instant> recent = new ArrayDeque<>();

  public SignupThrottle(Clock clock, int maxPerMinute) {
    if (maxPerMinute < 0) {
      throw new IllegalArgumentException("maxPerMinute: " + maxPerMinute + ", at least 0");
    }
    this.clock = clock;
    this.maxPerMinute = maxPerMinute;
  }

  /** Counts one sign-up now and says whether it may be active at once or awaits approval. */
  public synchronized Admission admit() {
    Instant now = clock.instant();
    Instant horizon = now.minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
      recent.removeFirst();
    }
    recent.addLast(now);
    // Only the newest maxPerMinute + 1 times decide, so a burst cannot grow the memory.
    if (recent.size() > maxPerMinute + 1) {
      recent.removeFirst();
    }
    return recent.size() > maxPerMinute ? Admission.PENDING_APPROVAL : Admission.ACTIVE;
  }

  public enum Admission {
    ACTIVE("active"),
    PENDING_APPROVAL("pending_approval");

    private final String state;

    Admission(String state) {
      this.state = state;
    }

    /** The account state as it travels in {@code AccountRegistered} and the Keycloak attribute. */
    public String state() {
      return state;
    }
  }
}
