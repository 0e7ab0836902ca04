package org.agora.moderation.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.agora.events.EncryptedContent;

/**
 * The moderation read models in PostgreSQL, written with native SQL on the reactive client. Every
 * table is a projection of the log (claims aside, see README); applies are idempotent through an
 * event-id ledger or natural keys. Content and free text stay sealed here.
 */
@ApplicationScoped
public class ModerationStore {
  private static final String SCHEMA =
      """
      create table if not exists applied_event (event_id uuid primary key);
      create table if not exists moderated_post (post_id uuid primary key, author_id uuid not null,
        published_at timestamptz not null, language text, content_alg text, content_nonce text,
        content_ciphertext text, edited_at timestamptz);
      create table if not exists post_revision (event_id uuid primary key, post_id uuid not null,
        at timestamptz not null, content_alg text, content_nonce text, content_ciphertext text);
      create index if not exists post_revision_post on post_revision (post_id);
      create table if not exists queue_item (id uuid primary key, merge_key text not null,
        target_account_id uuid, post_id uuid, category text not null, source text not null,
        screening_score double precision not null default 0, opened_at timestamptz not null,
        status text not null default 'open', assigned_to uuid, resolved_at timestamptz,
        resolution text, resolved_by text, updated_at timestamptz not null);
      alter table queue_item alter column target_account_id drop not null;
      create unique index if not exists queue_item_open on queue_item (merge_key)
        where status = 'open';
      create index if not exists queue_item_status on queue_item (status);
      create table if not exists item_report (report_id uuid primary key, item_id uuid not null,
        reporter_id uuid not null, target_account_id uuid not null, post_ids text not null,
        category text not null, rule_ids text not null, forward boolean not null,
        comment_alg text, comment_nonce text, comment_ciphertext text, filed_at timestamptz not null);
      create index if not exists item_report_item on item_report (item_id);
      create table if not exists decision_record (decision_id uuid primary key, action text not null,
        target uuid not null, affected_account_id uuid, actor text not null, category text,
        ground_type text, policy_clause text, legal_ground text, facts text, source text,
        automated_detection boolean not null, automated_decision boolean not null, redress text,
        report_ids text, until timestamptz, decided_at timestamptz not null);
      create index if not exists decision_record_affected on decision_record (affected_account_id);
      create table if not exists appeal (appeal_id uuid primary key, decision_id uuid not null,
        appellant_id uuid not null, text_alg text, text_nonce text, text_ciphertext text,
        filed_at timestamptz not null, status text not null default 'open', decided_by text,
        decided_at timestamptz);
      create index if not exists appeal_decision on appeal (decision_id);
      create table if not exists follow_edge (follower_id uuid not null, followed_id uuid not null,
        primary key (follower_id, followed_id));
      create index if not exists follow_edge_followed on follow_edge (followed_id);
      create table if not exists appeal_capability (decision_id uuid not null,
        capability_hash text not null, account_id uuid not null,
        primary key (decision_id, capability_hash));
      """;

  private final Pool pool;
  private final Uni<Void> schema;

  public ModerationStore(Pool pool) {
    this.pool = pool;
    this.schema =
        Uni.createFrom()
            .deferred(
                () ->
                    pool.withTransaction(
                        conn -> {
                          // NOTE: "already exists, skipping" notices on every boot are noise.
                          Uni<Void> all =
                              conn.query("set local client_min_messages = warning")
                                  .execute()
                                  .replaceWithVoid();
                          for (String statement : SCHEMA.split(";")) {
                            if (!statement.isBlank()) {
                              all =
                                  all.chain(
                                      () -> conn.query(statement).execute().replaceWithVoid());
                            }
                          }
                          return all;
                        }))
            .memoize()
            .indefinitely();
  }

  public Uni<Void> ready() {
    return schema;
  }

  public <T> Uni<T> inTransaction(Function<SqlClient, Uni<T>> work) {
    return schema.chain(() -> pool.withTransaction(conn -> work.apply(conn)));
  }

  public Uni<RowSet<Row>> query(String sql, Object... params) {
    return schema.chain(() -> pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(params))));
  }

  public static Uni<RowSet<Row>> run(SqlClient client, String sql, Object... params) {
    return client.preparedQuery(sql).execute(Tuple.from(Arrays.asList(params)));
  }

  /** Marks an event applied; false when it was applied before (a redelivery or replay). */
  public static Uni<Boolean> firstTime(SqlClient client, UUID eventId) {
    return run(
            client,
            "insert into applied_event (event_id) values ($1) on conflict do nothing",
            eventId)
        .map(rows -> rows.rowCount() == 1);
  }

  public Uni<Optional<Row>> one(String sql, Object... params) {
    return query(sql, params)
        .map(
            rows ->
                rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
  }

  public Uni<List<Row>> all(String sql, Object... params) {
    return query(sql, params)
        .map(
            rows -> {
              List<Row> list = new ArrayList<>();
              rows.forEach(list::add);
              return list;
            });
  }

  public static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  public static EncryptedContent sealed(Row row, String prefix) {
    String alg = row.getString(prefix + "_alg");
    return alg == null
        ? null
        : new EncryptedContent(
            alg, row.getString(prefix + "_nonce"), row.getString(prefix + "_ciphertext"));
  }

  public static String joined(List<?> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  public static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }
}
