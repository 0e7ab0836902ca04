package org.agora.kit.messaging;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Work a consumer may neither skip nor stop for (a projection write, a purge): tried again, 1 s
 * doubling to 10 s, for as long as it fails, and the records behind it wait. A database, Keycloak
 * or Kafka away thus holds a channel back instead of ending it until a restart. While a work's next
 * try is pending it is listed as stalled, which {@link StalledConsumersCheck} turns into readiness
 * DOWN (the alarm); every failed try is logged and counted. The work must be safe to repeat, as
 * every consumer is (positions or natural keys make a committed try a no-op).
 */
public final class ConsumerRetries {
  private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);
  static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
  static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

  private static final Map<Long, Stall> STALLED = new ConcurrentHashMap<>();
  private static final Map<Long, Running> RUNNING = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();
  private static final AtomicLong FAILED_TRIES = new AtomicLong();
  // NOTE: counts the service's stops; a work tries again only while the service that began it runs.
  private static final AtomicLong STOPS = new AtomicLong();

  private ConsumerRetries() {}

  /** A work whose last try failed: what it is, since when it fails, and how. */
  public record Stall(String what, Instant since, long failures, String lastError) {}

  /** A work under way: what it is and since when. */
  public record Running(String what, Instant since) {}

  public static Uni<Void> untilDone(String what, Supplier<Uni<Void>> work) {
    return untilDone(what, work, FIRST_BACK_OFF, MAX_BACK_OFF);
  }

  static Uni<Void> untilDone(
      String what, Supplier<Uni<Void>> work, Duration firstBackOff, Duration maxBackOff) {
    return Uni.createFrom()
        .deferred(
            () -> {
              long id = NEXT.incrementAndGet();
              long run = STOPS.get();
              RUNNING.put(id, new Running(what, Instant.now()));
              return Uni.createFrom()
                  .<Void>deferred(work::get)
                  .onFailure()
                  .invoke(e -> failed(id, what, e))
                  // NOTE: a service that stops closes its pools; its works then fail for good.
                  .onFailure(e -> STOPS.get() == run)
                  .retry()
                  .withBackOff(firstBackOff, maxBackOff)
                  .indefinitely()
                  .onTermination()
                  .invoke(() -> settled(id));
            });
  }

  /**
   * The works under way for longer than {@code limit} and not waiting for a try: hung (a query or a
   * send that never answers), or far slower than a consumer's work should be.
   */
  public static List<Running> runningLongerThan(Duration limit) {
    Instant before = Instant.now().minus(limit);
    return RUNNING.entrySet().stream()
        .filter(e -> e.getValue().since().isBefore(before) && !STALLED.containsKey(e.getKey()))
        .map(Map.Entry::getValue)
        .sorted(java.util.Comparator.comparing(Running::since))
        .toList();
  }

  /** The service stops: the works begun so far are not tried again. */
  static void stopping() {
    STOPS.incrementAndGet();
  }

  /** The works whose next try is pending, oldest first. */
  public static List<Stall> stalled() {
    return STALLED.values().stream().sorted(java.util.Comparator.comparing(Stall::since)).toList();
  }

  public static long failedTries() {
    return FAILED_TRIES.get();
  }

  private static void failed(long id, String what, Throwable e) {
    FAILED_TRIES.incrementAndGet();
    Stall stall =
        STALLED.merge(
            id,
            new Stall(what, Instant.now(), 1, e.toString()),
            (old, fresh) -> new Stall(what, old.since(), old.failures() + 1, fresh.lastError()));
    LOG.warnf(
        "%s failed (try %d, failing since %s), trying again: %s",
        what, stall.failures(), stall.since(), e.toString());
  }

  private static void settled(long id) {
    RUNNING.remove(id);
    Stall stall = STALLED.remove(id);
    if (stall != null) {
      LOG.infof("%s done after %d failed tries", stall.what(), stall.failures());
    }
  }
}
