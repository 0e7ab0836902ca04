package org.agora.identity.domain.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code maxPerDay} follows per account in any 24 hours, so one account cannot spray follow
 * notifications across the network; unfollowing does not give a follow back.
 */
public final class FollowLimit {
  public static final Duration WINDOW = Duration.ofDays(1);

  private final int maxPerDay;
  private final Clock clock;

  public FollowLimit(int maxPerDay, Clock clock) {
    if (maxPerDay < 1) {
      throw new IllegalArgumentException("agora.follows.max-per-day must be at least 1");
    }
    this.maxPerDay = maxPerDay;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Follows made at or after this instant count against the limit. */
  public Instant windowStart() {
    return clock.instant().minus(WINDOW);
  }

  /** Refuses when {@code followsInWindow} already reached the limit. */
  public void check(long followsInWindow) {
    if (followsInWindow >= maxPerDay) {
      throw new GraphRefused(
          GraphRefused.Reason.TOO_MANY,
          "Too many follows: at most " + maxPerDay + " per account in 24 hours");
    }
  }

  public int maxPerDay() {
    return maxPerDay;
  }
}
