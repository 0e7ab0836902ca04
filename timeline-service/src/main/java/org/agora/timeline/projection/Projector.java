package org.agora.timeline.projection;

import static org.agora.timeline.projection.Sql.args;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;

/**
 * Applies batches of log records to a generation, each batch in one transaction: records at
 * positions the generation has already applied are skipped (the position per topic partition is
 * stored in the same transaction), the rest are grouped into runs of like events and written with
 * multi-row statements in log order. So a batch replayed after a restart changes nothing, and a
 * batch that fails leaves nothing behind. Writers of one generation take one advisory lock, so
 * fan-out never misses a post, verdict or follow committed concurrently by another channel.
 */
@ApplicationScoped
public class Projector {
  private final Pool pool;
  private final Generations generations;
  private final PostWrites posts;
  private final AccountWrites accounts;
  private final Clock clock;
  private final Timer publishToVisible;

  public Projector(
      Pool pool,
      Generations generations,
      PostWrites posts,
      AccountWrites accounts,
      Clock clock,
      MeterRegistry registry) {
    this.pool = pool;
    this.generations = generations;
    this.posts = posts;
    this.accounts = accounts;
    this.clock = clock;
    this.publishToVisible =
        Timer.builder("agora.timeline.publish.to.visible")
            .description(
                "From a post's publication to the commit that made it visible in home timelines")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(registry);
  }

  /**
   * Applies a batch of a live channel to the serving generation. The locks and the stored positions
   * come in one round trip, and the batch's statements are sent without waiting for each other's
   * answers (their order on the connection is kept): the write lock is held for fewer round trips.
   */
  public Uni<Void> applyLive(List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] topics = entries.stream().map(LogEntry::topic).distinct().toArray(String[]::new);
    return live(
            topics,
            (conn, s, positions) -> applyFresh(conn, s, entries, positions, new BatchContext(true)))
        .invoke(this::report)
        .replaceWithVoid();
  }

  /** Applies a batch of a rebuild to its (not yet serving) generation; returns events applied. */
  public Uni<Integer> applyTo(int generation, List<LogEntry> entries) {
    return generations
        .ready()
        .chain(
            () ->
                pool.withTransaction(
                    conn ->
                        conn.preparedQuery("select pg_advisory_xact_lock($1, $2)")
                            .execute(args(Generations.WRITE_LOCK, generation))
                            .chain(
                                () ->
                                    applyIn(
                                        conn,
                                        Generations.schema(generation),
                                        entries,
                                        new BatchContext(false)))))
        .map(ctx -> ctx.applied);
  }

  /** Drops posts whose key was shredded (from the key topic, not a positioned stream). */
  public Uni<Void> purgeLive(UUID postId) {
    return live(
            NO_TOPICS,
            (conn, s, positions) ->
                posts.purge(conn, s, new UUID[] {postId}).replaceWith(new BatchContext(true)))
        .replaceWithVoid();
  }

  public Uni<Void> profileShreddedLive(UUID account) {
    return live(
            NO_TOPICS,
            (conn, s, positions) ->
                accounts.profileShredded(conn, s, account).replaceWith(new BatchContext(true)))
        .replaceWithVoid();
  }

  private static final String[] NO_TOPICS = new String[0];

  /** Work in a live transaction: on the serving generation's schema, with its stored positions. */
  @FunctionalInterface
  private interface LiveWork {
    Uni<BatchContext> apply(SqlConnection conn, String schema, Map<String, Long> positions);
  }

  /**
   * A transaction on the serving generation, in one round trip ({@link
   * Generations#LOCK_SERVING_FUNCTION}): the pointer is read under a share lock, so a switch (which
   * updates it) waits for running batches and batches after it see the new generation; then the
   * generation's write lock; then its stored positions of {@code topics}.
   */
  private Uni<BatchContext> live(String[] topics, LiveWork work) {
    return generations
        .ready()
        .chain(
            () ->
                pool.withTransaction(
                    conn ->
                        conn.preparedQuery("select * from timeline_lock_serving($1, $2)")
                            .execute(args(Generations.WRITE_LOCK, topics))
                            .chain(
                                rows -> {
                                  int g =
                                      generations.observed(rows.iterator().next().getInteger(0));
                                  return work.apply(conn, Generations.schema(g), positions(rows));
                                })));
  }

  private void report(BatchContext ctx) {
    Instant now = clock.instant();
    for (Instant published : ctx.newlyVisible) {
      if (published != null) {
        publishToVisible.record(Duration.between(published, now).abs());
      }
    }
  }

  private Uni<BatchContext> applyIn(
      SqlConnection conn, String s, List<LogEntry> entries, BatchContext ctx) {
    List<String> topics = entries.stream().map(LogEntry::topic).distinct().toList();
    return conn.preparedQuery(
            "select 0, topic, partition, next_offset from "
                + s
                + ".applied_offset where topic = any($1)")
        .execute(args((Object) topics.toArray(String[]::new)))
        .chain(rows -> applyFresh(conn, s, entries, positions(rows), ctx));
  }

  /** Next offset per "topic/partition", from rows of (any, topic, partition, next offset). */
  private static Map<String, Long> positions(RowSet<Row> rows) {
    Map<String, Long> next = new HashMap<>();
    for (Row row : rows) {
      if (row.getString(1) != null) {
        next.put(row.getString(1) + "/" + row.getInteger(2), row.getLong(3));
      }
    }
    return next;
  }

  /**
   * The records at or past the stored positions, applied; the new positions are stored in the same
   * transaction, sent along with the batch's first write rather than after its last.
   */
  private Uni<BatchContext> applyFresh(
      SqlConnection conn,
      String s,
      List<LogEntry> entries,
      Map<String, Long> next,
      BatchContext ctx) {
    List<LogEntry> fresh = new ArrayList<>();
    Map<String, LogEntry> last = new LinkedHashMap<>();
    for (LogEntry e : entries) {
      String position = e.topic() + "/" + e.partition();
      if (e.offset() >= next.getOrDefault(position, 0L)) {
        fresh.add(e);
        last.merge(position, e, (a, b) -> b.offset() > a.offset() ? b : a);
      }
    }
    List<List<AgoraEvent>> runs = runs(fresh);
    ctx.applied = runs.stream().mapToInt(List::size).sum();
    return Sql.pipelined(
            Sql.each(runs, run -> apply(conn, s, run, ctx)), advance(conn, s, last.values()))
        .replaceWith(ctx);
  }

  private static Uni<Void> advance(SqlConnection conn, String s, Iterable<LogEntry> last) {
    List<String> topic = new ArrayList<>();
    List<Integer> partition = new ArrayList<>();
    List<Long> next = new ArrayList<>();
    for (LogEntry e : last) {
      topic.add(e.topic());
      partition.add(e.partition());
      next.add(e.offset() + 1);
    }
    if (topic.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return conn.preparedQuery(
            ("insert into %1$s.applied_offset (topic, partition, next_offset)"
                    + " select * from unnest($1::text[], $2::int[], $3::bigint[])"
                    + " on conflict (topic, partition) do update"
                    + " set next_offset = greatest(applied_offset.next_offset,"
                    + " excluded.next_offset)")
                .formatted(s))
        .execute(
            args(
                topic.toArray(String[]::new),
                partition.toArray(Integer[]::new),
                next.toArray(Long[]::new)))
        .replaceWithVoid();
  }

  /** Consecutive events of one type, in log order: each run becomes one multi-row write. */
  static List<List<AgoraEvent>> runs(List<LogEntry> entries) {
    List<List<AgoraEvent>> runs = new ArrayList<>();
    List<AgoraEvent> run = null;
    for (LogEntry e : entries) {
      if (e.event() == null) {
        continue;
      }
      if (run == null || run.get(0).getClass() != e.event().getClass()) {
        run = new ArrayList<>();
        runs.add(run);
      }
      run.add(e.event());
    }
    return runs;
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> as(List<AgoraEvent> run) {
    return (List<T>) (List<?>) run;
  }

  private Uni<Void> apply(SqlConnection conn, String s, List<AgoraEvent> run, BatchContext ctx) {
    return switch (run.get(0)) {
      case PostPublished p -> posts.publish(conn, s, as(run), ctx);
      case PostEdited p -> posts.edit(conn, s, as(run));
      case PostDeleted p ->
          posts.purge(
              conn,
              s,
              run.stream().map(e -> ((PostDeleted) e).postId().value()).toArray(UUID[]::new));
      case PostScreened p -> posts.screen(conn, s, as(run), ctx);
      case PostRemoved p -> posts.remove(conn, s, as(run));
      case PostRestored p -> posts.restore(conn, s, as(run), ctx);
      case PostLabeled p -> posts.label(conn, s, as(run));
      case PostUnlabeled p -> posts.unlabel(conn, s, as(run));
      case AccountRegistered a ->
          Sql.each(run, e -> accounts.registered(conn, s, (AccountRegistered) e));
      case AccountProfileChanged a ->
          Sql.each(run, e -> accounts.profile(conn, s, (AccountProfileChanged) e));
      case AccountSuspended a ->
          Sql.each(run, e -> accounts.suspended(conn, s, (AccountSuspended) e));
      case AccountReinstated a ->
          Sql.each(run, e -> accounts.reinstated(conn, s, (AccountReinstated) e));
      case AccountErased a -> Sql.each(run, e -> accounts.erased(conn, s, (AccountErased) e));
      case AccountFollowed f -> accounts.followed(conn, s, as(run));
      case AccountUnfollowed f -> accounts.unfollowed(conn, s, as(run));
      case AccountBlocked b -> accounts.blocked(conn, s, as(run));
      case AccountUnblocked b -> accounts.unblocked(conn, s, as(run));
      default -> Uni.createFrom().voidItem();
    };
  }
}
