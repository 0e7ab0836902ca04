package org.agora.identity.domain.notices;

import java.time.Duration;
import java.time.Instant;

/**
 * When a suspension notice that was not delivered is tried again: {@link #FIRST} after the
 * suspension (the mail sent at once has its own short retries, and must not race this one), then
 * after one minute, doubling with every failed attempt up to {@link #LONGEST}. It is tried for as
 * long as the suspension lasts: without it the account cannot reach its statement of reasons or
 * appeal.
 */
public final class NoticeRetry {
  public static final Duration FIRST = Duration.ofMinutes(2);
  public static final Duration LONGEST = Duration.ofHours(6);
  private static final Duration STEP = Duration.ofMinutes(1);

  private NoticeRetry() {}

  /** The next attempt after {@code failedAttempts} attempts failed, the last one at {@code now}. */
  public static Instant next(Instant now, int failedAttempts) {
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
    Duration wait = STEP.multipliedBy(1L << doublings);
    return now.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
  }
}
