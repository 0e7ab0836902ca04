package org.agora.timeline.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agora.timeline.config.TimelineConfig;
import org.jboss.logging.Logger;

/**
 * The projection lives in generations: one PostgreSQL schema each ({@code tl_g<N>}), of which
 * {@code timeline_active} names the one serving. A rebuild fills a new generation from offset 0
 * while the active one keeps serving, then switches the pointer in one transaction.
 */
@ApplicationScoped
public class Generations {
  private static final Logger LOG = Logger.getLogger(Generations.class);

  /** The advisory lock (with the generation as second key) that writers of a generation take. */
  public static final int WRITE_LOCK = 4242;

  /**
   * One round trip at the start of a live batch: the serving pointer share-locked, the write lock
   * of the generation it names, then that generation's stored positions of the given topics, read
   * after the lock is held (a volatile function's statements each take a fresh snapshot). Without
   * stored positions it still returns one row, with the generation and null positions.
   */
  static final String LOCK_SERVING_FUNCTION =
      """
      create or replace function timeline_lock_serving(lock_key int, topics text[])
      returns table (serving int, topic_name text, partition_no int, next_offset bigint)
      language plpgsql volatile as $fn$
      declare g int;
      begin
        select a.generation into g from timeline_active a for share;
        perform pg_advisory_xact_lock(lock_key, g);
        return query execute format(
          'select %s, o.topic, o.partition, o.next_offset from %I.applied_offset o'
            || ' where o.topic = any($1)', g, 'tl_g' || g)
          using topics;
        if not found then
          return query select g, null::text, null::int, null::bigint;
        end if;
      end
      $fn$
      """;

  private static final long CACHE_MILLIS = 1000;

  private final Pool pool;
  private final TimelineConfig config;
  private final LogIdentity log;
  private final Uni<Void> ready;
  private volatile int active;
  private volatile long checkedAt;

  public Generations(Pool pool, TimelineConfig config, LogIdentity log) {
    this.pool = pool;
    this.config = config;
    this.log = log;
    this.ready = Uni.createFrom().deferred(this::init).memoize().indefinitely();
  }

  public static String schema(int generation) {
    return "tl_g" + generation;
  }

  /** Completes once the tables exist; every read and write waits for it. */
  public Uni<Void> ready() {
    return ready;
  }

  /** The schema serving reads, re-read at most once a second. */
  public Uni<Integer> active() {
    if (System.currentTimeMillis() - checkedAt < CACHE_MILLIS && active > 0) {
      return Uni.createFrom().item(active);
    }
    return ready
        .chain(() -> pool.query("select generation from timeline_active").execute())
        .map(rows -> observed(rows.iterator().next().getInteger(0)));
  }

  int observed(int generation) {
    active = generation;
    checkedAt = System.currentTimeMillis();
    return generation;
  }

  private Uni<Void> init() {
    return log.current().chain(logId -> init(logId));
  }

  private Uni<Void> init(String logId) {
    return pool.withTransaction(
            conn ->
                conn.query("select pg_advisory_xact_lock(4243, 0)")
                    .execute()
                    .chain(
                        () -> config.resetOnStart() ? dropAll(conn) : Uni.createFrom().voidItem())
                    .chain(() -> forgetOtherLogs(conn, logId))
                    .chain(
                        () ->
                            conn.query(
                                    "create table if not exists timeline_generation (id int primary"
                                        + " key, state text not null, created_at timestamptz not"
                                        + " null default now(), switched_at timestamptz);"
                                        + " create table if not exists timeline_active (singleton"
                                        + " boolean primary key default true check (singleton),"
                                        + " generation int not null)")
                                .execute())
                    .chain(() -> conn.query("select generation from timeline_active").execute())
                    .chain(
                        rows -> {
                          if (rows.size() > 0) {
                            return Uni.createFrom().item(rows.iterator().next().getInteger(0));
                          }
                          return create(conn, "active")
                              .call(
                                  g ->
                                      conn.preparedQuery(
                                              "insert into timeline_active (generation) values"
                                                  + " ($1)")
                                          .execute(Sql.args(g)));
                        })
                    .invoke(this::observed)
                    .call(() -> conn.query(LOCK_SERVING_FUNCTION).execute())
                    .chain(() -> dropAbandoned(conn)))
        .invoke(() -> LOG.infof("projection generation %d serving", active));
  }

  /**
   * Drops every generation projected from another log than {@code logId}, or from an unnamed one
   * (made before the log was recorded): its stored positions would skip this log's records. The new
   * generation then replays this log from offset 0.
   */
  private Uni<Void> forgetOtherLogs(SqlConnection conn, String logId) {
    return conn.query(
            "create table if not exists timeline_log (singleton boolean primary key default true"
                + " check (singleton), kafka_cluster_id text not null)")
        .execute()
        .chain(() -> conn.query("select kafka_cluster_id from timeline_log").execute())
        .chain(
            rows -> {
              String recorded = rows.size() == 0 ? null : rows.iterator().next().getString(0);
              if (logId.equals(recorded)) {
                return Uni.createFrom().voidItem();
              }
              return conn.query("select 1 from pg_namespace where nspname like 'tl\\_g%' limit 1")
                  .execute()
                  .chain(
                      schemas -> {
                        if (schemas.size() > 0) {
                          LOG.warnf(
                              "the projection was built from Kafka cluster %s, the log now is"
                                  + " cluster %s: dropping it to replay this log from offset 0",
                              recorded == null ? "(unrecorded)" : recorded, logId);
                          return dropAll(conn);
                        }
                        return Uni.createFrom().voidItem();
                      })
                  .chain(
                      () ->
                          conn.preparedQuery(
                                  "insert into timeline_log (kafka_cluster_id) values ($1) on"
                                      + " conflict (singleton) do update set kafka_cluster_id ="
                                      + " excluded.kafka_cluster_id")
                              .execute(Sql.args(logId)))
                  .replaceWithVoid();
            });
  }

  /** A rebuild that did not finish (the process stopped) leaves a generation nobody will use. */
  private Uni<Void> dropAbandoned(SqlConnection conn) {
    return conn.query("select id from timeline_generation where state = 'building'")
        .execute()
        .chain(
            rows -> {
              List<Integer> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getInteger(0)));
              return Sql.each(ids, id -> drop(conn, id));
            });
  }

  private Uni<Void> dropAll(SqlConnection conn) {
    return conn.query("select nspname from pg_namespace where nspname like 'tl\\_g%'")
        .execute()
        .chain(
            rows -> {
              List<String> schemas = new ArrayList<>();
              rows.forEach(r -> schemas.add(r.getString(0)));
              return Sql.each(
                  schemas, s -> conn.query("drop schema if exists " + s + " cascade").execute());
            })
        .chain(
            () ->
                conn.query(
                        "drop table if exists timeline_active; drop table if exists"
                            + " timeline_generation")
                    .execute())
        .replaceWithVoid();
  }

  /** A new, empty generation, to be filled by a rebuild. */
  public Uni<Integer> create() {
    return ready.chain(() -> pool.withTransaction(conn -> create(conn, "building")));
  }

  private Uni<Integer> create(SqlConnection conn, String state) {
    return conn.preparedQuery(
            "insert into timeline_generation (id, state) select coalesce(max(id), 0) + 1, $1 from"
                + " timeline_generation returning id")
        .execute(Sql.args(state))
        .map(rows -> rows.iterator().next().getInteger(0))
        .call(g -> conn.query(ddl(schema(g))).execute());
  }

  public Uni<Void> drop(int generation) {
    return pool.withTransaction(conn -> drop(conn, generation));
  }

  private Uni<Void> drop(SqlConnection conn, int generation) {
    return conn.query("drop schema if exists " + schema(generation) + " cascade")
        .execute()
        .chain(
            () ->
                conn.preparedQuery("delete from timeline_generation where id = $1")
                    .execute(Sql.args(generation)))
        .replaceWithVoid();
  }

  /**
   * Makes {@code generation} the serving one if it has applied at least every record the active one
   * has; live writers wait on the pointer's row lock meanwhile, so none can slip in between.
   * Returns the replaced generation, or null when the new one is still behind.
   */
  public Uni<Integer> switchTo(int generation, List<String> topics) {
    return pool.withTransaction(
            conn ->
                conn.query("select generation from timeline_active for update")
                    .execute()
                    .map(rows -> rows.iterator().next().getInteger(0))
                    .chain(
                        old ->
                            offsets(conn, old)
                                .chain(
                                    before ->
                                        offsets(conn, generation)
                                            .map(after -> caughtUp(before, after, topics)))
                                .chain(
                                    ready -> {
                                      if (!ready) {
                                        return Uni.createFrom().nullItem();
                                      }
                                      return conn.preparedQuery(
                                              "update timeline_active set generation = $1")
                                          .execute(Sql.args(generation))
                                          .chain(
                                              () ->
                                                  conn.preparedQuery(
                                                          "update timeline_generation set state ="
                                                              + " case when id = $1 then 'active' else"
                                                              + " 'retired' end, switched_at = now()"
                                                              + " where id in ($1, $2)")
                                                      .execute(Sql.args(generation, old)))
                                          .map(x -> old);
                                    })))
        .invoke(
            old -> {
              if (old != null) {
                observed(generation);
              }
            });
  }

  private static boolean caughtUp(
      Map<String, Long> before, Map<String, Long> after, List<String> topics) {
    return before.entrySet().stream()
        .filter(e -> topics.contains(e.getKey().substring(0, e.getKey().lastIndexOf('/'))))
        .allMatch(e -> after.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  /**
   * The serving generation's stored positions, "topic/partition" to the next offset to apply: where
   * a live channel resumes (a generation switched meanwhile has at least these).
   */
  public Uni<Map<String, Long>> servingPositions() {
    return active().chain(g -> pool.withConnection(conn -> offsets(conn, g)));
  }

  Uni<Map<String, Long>> offsets(SqlConnection conn, int generation) {
    return conn.query(
            "select topic, partition, next_offset from " + schema(generation) + ".applied_offset")
        .execute()
        .map(
            rows -> {
              Map<String, Long> offsets = new HashMap<>();
              for (Row row : rows) {
                offsets.put(row.getString(0) + "/" + row.getInteger(1), row.getLong(2));
              }
              return offsets;
            });
  }

  /** The tables of one generation. */
  static String ddl(String s) {
    return """
        create schema %1$s;
        create table %1$s.post (
          id uuid primary key, author_id uuid not null, published_at timestamptz not null,
          in_reply_to_id uuid, language text, visibility text not null,
          content_alg text not null, content_nonce text not null, content_ciphertext text not null,
          edited_at timestamptz, fanout text);
        create index on %1$s.post (author_id, id);
        create index on %1$s.post (author_id, id) where fanout = 'pull';
        create table %1$s.post_moderation (
          post_id uuid primary key, verdict text, screened_at timestamptz, removed_at timestamptz,
          sensitive boolean not null default false);
        create table %1$s.account (
          id uuid primary key, handle text, state text not null default 'active',
          suspended_until timestamptz, state_changed_at timestamptz, registered_at timestamptz,
          display_alg text, display_nonce text, display_ciphertext text,
          note_alg text, note_nonce text, note_ciphertext text, profile_changed_at timestamptz);
        create table %1$s.erased_account (id uuid primary key);
        create table %1$s.follow (
          follower_id uuid not null, followed_id uuid not null, since timestamptz,
          primary key (follower_id, followed_id));
        create index on %1$s.follow (followed_id);
        create table %1$s.follower_count (account_id uuid primary key, n bigint not null);
        create table %1$s.block (
          blocker_id uuid not null, blocked_id uuid not null, primary key (blocker_id, blocked_id));
        create index on %1$s.block (blocked_id);
        create table %1$s.home_entry (
          owner_id uuid not null, post_id uuid not null, author_id uuid not null,
          primary key (owner_id, post_id) include (author_id));
        create index on %1$s.home_entry (post_id);
        create table %1$s.applied_offset (
          topic text not null, partition int not null, next_offset bigint not null,
          primary key (topic, partition));
        """
        .formatted(s);
  }
}
