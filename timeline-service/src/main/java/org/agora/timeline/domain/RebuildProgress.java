package org.agora.timeline.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild stands: events applied to the new generation, records still to read (lag), and
 * the time left at the rate so far.
 */
public record RebuildProgress(
    String state,
    Integer generation,
    Integer replacedGeneration,
    long eventsApplied,
    long lag,
    Instant startedAt,
    Instant finishedAt,
    String error) {
  public static final String IDLE = "idle";
  public static final String RUNNING = "running";
  public static final String SWITCHED = "switched";
  public static final String FAILED = "failed";

  public static RebuildProgress idle() {
    return new RebuildProgress(IDLE, null, null, 0, 0, null, null, null);
  }

  public boolean running() {
    return RUNNING.equals(state);
  }

  /** Events per second since the start (until the end once finished). */
  public double eventsPerSecond(Instant now) {
    if (startedAt == null) {
      return 0;
    }
    Instant end = finishedAt == null ? now : finishedAt;
    double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    return eventsApplied / seconds;
  }

  /** Seconds left at the rate so far; null while nothing is known yet, 0 when done. */
  public Double etaSeconds(Instant now) {
    if (!running()) {
      return SWITCHED.equals(state) ? 0.0 : null;
    }
    double rate = eventsPerSecond(now);
    if (rate <= 0) {
      return null;
    }
    return lag / rate;
  }

  public Double durationSeconds(Instant now) {
    if (startedAt == null) {
      return null;
    }
    Instant end = finishedAt == null ? now : finishedAt;
    return Duration.between(startedAt, end).toMillis() / 1000.0;
  }
}
