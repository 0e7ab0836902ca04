package org.agora.moderation.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.events.AccountId;

/** At most {@code limit} reports per reporter in a sliding window (per instance, in memory). */
public final class ReportRateLimit {
  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final Map<AccountId, Deque<Instant>> recent = new ConcurrentHashMap<>();

  public ReportRateLimit(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /** Takes one slot, or throws when the reporter has used them all. */
  public void acquire(AccountId reporter) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(reporter, r -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        throw new ModerationRejected(
            ModerationRejected.Kind.TOO_MANY,
            "Too many reports: at most " + limit + " per " + describe(window));
      }
      times.addLast(now);
    }
  }

  public String describe() {
    return limit + " per " + describe(window);
  }

  private static String describe(Duration window) {
    if (window.toHours() > 0 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
      return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
    }
    return window.toSeconds() + " seconds";
  }
}
