package org.agora.kit.http;

import java.util.concurrent.atomic.AtomicInteger;

/** A bound on requests in flight: admits up to {@code limit} at once and refuses the rest. */
public final class Admission {
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();

  public Admission(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit: " + limit + ", at least 0");
    }
    this.limit = limit;
  }

  /** Whether one more request may start; each admitted one must be {@link #leave() left}. */
  public boolean tryEnter() {
    while (true) {
      int now = inFlight.get();
      if (now >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  public void leave() {
    inFlight.decrementAndGet();
  }

  public int inFlight() {
    return inFlight.get();
  }

  public int limit() {
    return limit;
  }
}
