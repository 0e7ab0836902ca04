package org.agora.timeline.projection;

import static org.agora.timeline.projection.Sql.args;
import static org.agora.timeline.projection.Sql.at;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.timeline.config.TimelineConfig;

/**
 * Posts, moderation's word on them and the fan-out into home timelines, one multi-row statement per
 * run of like events. NOTE: every statement is idempotent (insert ≡ insert-delete-insert): inserts
 * do nothing on conflict, updates only move forward in event time, deletes of the absent are
 * no-ops.
 */
@ApplicationScoped
public class PostWrites {
  private final TimelineConfig config;

  public PostWrites(TimelineConfig config) {
    this.config = config;
  }

  Uni<Void> publish(SqlConnection conn, String s, List<PostPublished> events, BatchContext ctx) {
    int n = events.size();
    UUID[] id = new UUID[n];
    UUID[] author = new UUID[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    UUID[] reply = new UUID[n];
    String[] language = new String[n];
    String[] visibility = new String[n];
    String[] alg = new String[n];
    String[] nonce = new String[n];
    String[] ciphertext = new String[n];
    for (int i = 0; i < n; i++) {
      PostPublished e = events.get(i);
      id[i] = e.postId().value();
      author[i] = e.authorId().value();
      at[i] = at(e.publishedAt());
      reply[i] = e.inReplyToId() == null ? null : e.inReplyToId().value();
      language[i] = e.language();
      visibility[i] = e.visibility();
      alg[i] = e.content().alg();
      nonce[i] = e.content().nonce();
      ciphertext[i] = e.content().ciphertext();
    }
    String sql =
        """
        insert into %1$s.post (id, author_id, published_at, in_reply_to_id, language, visibility,
          content_alg, content_nonce, content_ciphertext)
        select t.* from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[],
          $6::text[], $7::text[], $8::text[], $9::text[])
          as t(id, author_id, published_at, in_reply_to_id, language, visibility, alg, nonce, ct)
        where not exists (select 1 from %1$s.erased_account e where e.id = t.author_id)
        on conflict (id) do nothing
        """
            .formatted(s);
    // NOTE: the verdict may have come first (another topic); then the post fans out now. Both
    // statements are sent at once: the connection runs them in order.
    return Sql.pipelined(
        conn.preparedQuery(sql)
            .execute(args(id, author, at, reply, language, visibility, alg, nonce, ciphertext)),
        fanOut(conn, s, id, ctx));
  }

  Uni<Void> edit(SqlConnection conn, String s, List<PostEdited> events) {
    Map<UUID, PostEdited> latest = latest(events, e -> e.postId().value(), PostEdited::editedAt);
    int n = latest.size();
    UUID[] id = new UUID[n];
    String[] alg = new String[n];
    String[] nonce = new String[n];
    String[] ciphertext = new String[n];
    String[] language = new String[n];
    OffsetDateTime[] editedAt = new OffsetDateTime[n];
    int i = 0;
    for (PostEdited e : latest.values()) {
      id[i] = e.postId().value();
      alg[i] = e.content().alg();
      nonce[i] = e.content().nonce();
      ciphertext[i] = e.content().ciphertext();
      language[i] = e.language();
      editedAt[i] = at(e.editedAt());
      i++;
    }
    String sql =
        """
        update %1$s.post p set content_alg = t.alg, content_nonce = t.nonce,
          content_ciphertext = t.ct, language = t.language, edited_at = t.edited_at
        from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
          as t(id, alg, nonce, ct, language, edited_at)
        where p.id = t.id and (p.edited_at is null or p.edited_at < t.edited_at)
        """
            .formatted(s);
    return conn.preparedQuery(sql)
        .execute(args(id, alg, nonce, ciphertext, language, editedAt))
        .replaceWithVoid();
  }

  /** Drops posts everywhere: deleted by their author, or their key was shredded. */
  Uni<Void> purge(SqlConnection conn, String s, UUID[] ids) {
    return Sql.each(
        List.of(
            "delete from %1$s.home_entry where post_id = any($1)",
            "delete from %1$s.post_moderation where post_id = any($1)",
            "delete from %1$s.post where id = any($1)"),
        sql -> conn.preparedQuery(sql.formatted(s)).execute(args((Object) ids)));
  }

  Uni<Void> screen(SqlConnection conn, String s, List<PostScreened> events, BatchContext ctx) {
    Map<UUID, PostScreened> latest =
        latest(events, e -> e.postId().value(), PostScreened::screenedAt);
    int n = latest.size();
    UUID[] id = new UUID[n];
    String[] verdict = new String[n];
    OffsetDateTime[] screenedAt = new OffsetDateTime[n];
    int i = 0;
    for (PostScreened e : latest.values()) {
      id[i] = e.postId().value();
      verdict[i] = e.verdict();
      screenedAt[i] = at(e.screenedAt());
      i++;
    }
    String upsert =
        """
        insert into %1$s.post_moderation (post_id, verdict, screened_at)
        select * from unnest($1::uuid[], $2::text[], $3::timestamptz[])
        on conflict (post_id) do update set verdict = excluded.verdict,
          screened_at = excluded.screened_at
        where post_moderation.screened_at is null
          or post_moderation.screened_at < excluded.screened_at
        """
            .formatted(s);
    String unshow =
        """
        delete from %1$s.home_entry h using %1$s.post_moderation m
        where h.post_id = m.post_id and m.post_id = any($1) and m.verdict <> 'cleared'
        """
            .formatted(s);
    // NOTE: a cleared verdict never takes entries out, and only a cleared one can fan a post out:
    // a verdict newer than this batch's is already in the table and was applied when it came.
    Map<Boolean, List<UUID>> byCleared =
        latest.values().stream()
            .collect(
                Collectors.partitioningBy(
                    PostScreened::cleared,
                    Collectors.mapping(e -> e.postId().value(), Collectors.toList())));
    UUID[] held = byCleared.get(false).toArray(UUID[]::new);
    UUID[] cleared = byCleared.get(true).toArray(UUID[]::new);
    // NOTE: sent at once, run in this order by the connection.
    return Sql.pipelined(
        conn.preparedQuery(upsert).execute(args(id, verdict, screenedAt)),
        held.length == 0
            ? Uni.createFrom().voidItem()
            : conn.preparedQuery(unshow).execute(args((Object) held)),
        cleared.length == 0 ? Uni.createFrom().voidItem() : fanOut(conn, s, cleared, ctx));
  }

  Uni<Void> remove(SqlConnection conn, String s, List<PostRemoved> events) {
    Map<UUID, PostRemoved> latest = latest(events, e -> e.postId().value(), PostRemoved::removedAt);
    UUID[] id = latest.keySet().toArray(UUID[]::new);
    OffsetDateTime[] removedAt =
        latest.values().stream().map(e -> at(e.removedAt())).toArray(OffsetDateTime[]::new);
    String sql =
        """
        insert into %1$s.post_moderation (post_id, removed_at)
        select * from unnest($1::uuid[], $2::timestamptz[])
        on conflict (post_id) do update set removed_at = excluded.removed_at
        """
            .formatted(s);
    return conn.preparedQuery(sql)
        .execute(args(id, removedAt))
        .chain(
            () ->
                conn.preparedQuery(
                        "delete from %1$s.home_entry where post_id = any($1)".formatted(s))
                    .execute(args((Object) id)))
        .replaceWithVoid();
  }

  Uni<Void> restore(SqlConnection conn, String s, List<PostRestored> events, BatchContext ctx) {
    Map<UUID, PostRestored> latest =
        latest(events, e -> e.postId().value(), PostRestored::restoredAt);
    UUID[] id = latest.keySet().toArray(UUID[]::new);
    OffsetDateTime[] restoredAt =
        latest.values().stream().map(e -> at(e.restoredAt())).toArray(OffsetDateTime[]::new);
    String sql =
        """
        update %1$s.post_moderation m set removed_at = null
        from unnest($1::uuid[], $2::timestamptz[]) as t(id, at)
        where m.post_id = t.id and m.removed_at <= t.at
        """
            .formatted(s);
    return conn.preparedQuery(sql)
        .execute(args(id, restoredAt))
        .chain(() -> fanOut(conn, s, id, ctx));
  }

  Uni<Void> label(SqlConnection conn, String s, List<PostLabeled> events) {
    UUID[] id = events.stream().map(e -> e.postId().value()).distinct().toArray(UUID[]::new);
    String sql =
        """
        insert into %1$s.post_moderation (post_id, sensitive) select unnest($1::uuid[]), true
        on conflict (post_id) do update set sensitive = true
        """
            .formatted(s);
    return conn.preparedQuery(sql).execute(args((Object) id)).replaceWithVoid();
  }

  /** A label lifted on appeal: the warning goes. */
  Uni<Void> unlabel(SqlConnection conn, String s, List<PostUnlabeled> events) {
    UUID[] id = events.stream().map(e -> e.postId().value()).distinct().toArray(UUID[]::new);
    return conn.preparedQuery(
            "update %1$s.post_moderation set sensitive = false where post_id = any($1)"
                .formatted(s))
        .execute(args((Object) id))
        .replaceWithVoid();
  }

  /**
   * Copies each post that is now both projected and cleared into its author's home and, for authors
   * at or below the follower threshold, into every follower's (push). Larger authors' posts are
   * marked {@code pull} and merged in when a home timeline is read. The mode is decided once per
   * post, at its first fan-out. NOTE: the follower count is looked up by key for each post; as a
   * join, the one generic plan hashed the whole follower-count table on every call.
   */
  Uni<Void> fanOut(SqlConnection conn, String s, UUID[] ids, BatchContext ctx) {
    String sql =
        """
        with eligible as (
          select p.id, p.author_id, p.published_at, p.fanout is null as first,
            coalesce(p.fanout, case when coalesce((select c.n from %1$s.follower_count c
              where c.account_id = p.author_id), 0) <= $2 then 'push' else 'pull' end) as mode
          from %1$s.post p
          join %1$s.post_moderation m on m.post_id = p.id
          where p.id = any($1) and m.verdict = 'cleared' and m.removed_at is null
        ), marked as (
          update %1$s.post p set fanout = e.mode from eligible e where p.id = e.id and e.first
        ), pushed as (
          insert into %1$s.home_entry (owner_id, post_id, author_id)
          select e.author_id, e.id, e.author_id from eligible e
          union all
          select f.follower_id, e.id, e.author_id from eligible e
          join %1$s.follow f on f.followed_id = e.author_id
          where e.mode = 'push' and not exists (select 1 from %1$s.block b
            where (b.blocker_id = f.follower_id and b.blocked_id = e.author_id)
               or (b.blocker_id = e.author_id and b.blocked_id = f.follower_id))
          on conflict do nothing
        )
        select e.published_at from eligible e where e.first
        """
            .formatted(s);
    return conn.preparedQuery(sql)
        .execute(args(ids, (long) config.fanoutThreshold()))
        .invoke(
            rows -> {
              for (Row row : rows) {
                ctx.newlyVisible.add(Sql.instant(row.getOffsetDateTime(0)));
              }
            })
        .replaceWithVoid();
  }

  /** The latest event per aggregate: one row per key in a multi-row statement. */
  static <E> Map<UUID, E> latest(List<E> events, Function<E, UUID> key, Function<E, Instant> time) {
    Map<UUID, E> latest = new LinkedHashMap<>();
    for (E e : events) {
      latest.merge(key.apply(e), e, (a, b) -> time.apply(b).isBefore(time.apply(a)) ? a : b);
    }
    return latest;
  }
}
