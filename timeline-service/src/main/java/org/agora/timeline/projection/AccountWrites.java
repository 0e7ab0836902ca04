package org.agora.timeline.projection;

import static org.agora.timeline.projection.Sql.args;
import static org.agora.timeline.projection.Sql.at;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.agora.events.EncryptedContent;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.timeline.config.TimelineConfig;

/**
 * Accounts (handle, sealed profile, state) and the follow/block graph. Account events are rare and
 * applied one statement each inside the batch's transaction; graph events are multi-row. An erased
 * account leaves only its id behind (so a replayed post or follow of it is not projected again).
 */
@ApplicationScoped
public class AccountWrites {
  private static final String NOT_ERASED =
      " not exists (select 1 from %1$s.erased_account e where e.id = %2$s) ";

  private final TimelineConfig config;

  public AccountWrites(TimelineConfig config) {
    this.config = config;
  }

  Uni<Void> registered(SqlConnection conn, String s, AccountRegistered e) {
    String sql =
        """
        insert into %1$s.account (id, handle, registered_at) select $1, $2, $3
        where %2$s
        on conflict (id) do update set handle = excluded.handle,
          registered_at = excluded.registered_at
        """
            .formatted(s, NOT_ERASED.formatted(s, "$1::uuid"));
    return conn.preparedQuery(sql)
        .execute(args(e.accountId().value(), e.handle(), at(e.registeredAt())))
        .replaceWithVoid();
  }

  Uni<Void> profile(SqlConnection conn, String s, AccountProfileChanged e) {
    EncryptedContent name = e.displayName();
    EncryptedContent note = e.note();
    String sql =
        """
        insert into %1$s.account (id, display_alg, display_nonce, display_ciphertext,
          note_alg, note_nonce, note_ciphertext, profile_changed_at)
        select $1, $2, $3, $4, $5, $6, $7, $8 where %2$s
        on conflict (id) do update set display_alg = excluded.display_alg,
          display_nonce = excluded.display_nonce, display_ciphertext = excluded.display_ciphertext,
          note_alg = excluded.note_alg, note_nonce = excluded.note_nonce,
          note_ciphertext = excluded.note_ciphertext,
          profile_changed_at = excluded.profile_changed_at
        where account.profile_changed_at is null
          or account.profile_changed_at < excluded.profile_changed_at
        """
            .formatted(s, NOT_ERASED.formatted(s, "$1::uuid"));
    return conn.preparedQuery(sql)
        .execute(
            args(
                e.accountId().value(),
                name == null ? null : name.alg(),
                name == null ? null : name.nonce(),
                name == null ? null : name.ciphertext(),
                note == null ? null : note.alg(),
                note == null ? null : note.nonce(),
                note == null ? null : note.ciphertext(),
                at(e.changedAt())))
        .replaceWithVoid();
  }

  Uni<Void> suspended(SqlConnection conn, String s, AccountSuspended e) {
    return state(conn, s, e.accountId().value(), "suspended", at(e.until()), at(e.suspendedAt()));
  }

  Uni<Void> reinstated(SqlConnection conn, String s, AccountReinstated e) {
    return state(conn, s, e.accountId().value(), "active", null, at(e.reinstatedAt()));
  }

  private Uni<Void> state(
      SqlConnection conn,
      String s,
      UUID account,
      String state,
      OffsetDateTime until,
      OffsetDateTime changedAt) {
    String sql =
        """
        insert into %1$s.account (id, state, suspended_until, state_changed_at)
        select $1, $2, $3, $4 where %2$s
        on conflict (id) do update set state = excluded.state,
          suspended_until = excluded.suspended_until, state_changed_at = excluded.state_changed_at
        where account.state_changed_at is null or account.state_changed_at < excluded.state_changed_at
        """
            .formatted(s, NOT_ERASED.formatted(s, "$1::uuid"));
    return conn.preparedQuery(sql)
        .execute(args(account, state, until, changedAt))
        .replaceWithVoid();
  }

  Uni<Void> erased(SqlConnection conn, String s, AccountErased e) {
    UUID id = e.accountId().value();
    return Sql.each(
        List.of(
            "insert into %1$s.erased_account (id) values ($1) on conflict do nothing",
            "delete from %1$s.home_entry where owner_id = $1",
            "delete from %1$s.home_entry h using %1$s.post p"
                + " where h.post_id = p.id and p.author_id = $1",
            "delete from %1$s.post_moderation m using %1$s.post p"
                + " where m.post_id = p.id and p.author_id = $1",
            "delete from %1$s.post where author_id = $1",
            "update %1$s.follower_count c set n = c.n - 1 from %1$s.follow f"
                + " where f.follower_id = $1 and c.account_id = f.followed_id",
            "delete from %1$s.follow where follower_id = $1 or followed_id = $1",
            "delete from %1$s.follower_count where account_id = $1",
            "delete from %1$s.block where blocker_id = $1 or blocked_id = $1",
            "delete from %1$s.account where id = $1"),
        sql -> conn.preparedQuery(sql.formatted(s)).execute(args(id)));
  }

  /** The profile's key was shredded: its sealed fields go, the handle stays. */
  Uni<Void> profileShredded(SqlConnection conn, String s, UUID account) {
    return conn.preparedQuery(
            ("update %1$s.account set display_alg = null, display_nonce = null,"
                    + " display_ciphertext = null, note_alg = null, note_nonce = null,"
                    + " note_ciphertext = null where id = $1")
                .formatted(s))
        .execute(args(account))
        .replaceWithVoid();
  }

  Uni<Void> followed(SqlConnection conn, String s, List<AccountFollowed> events) {
    int n = events.size();
    UUID[] follower = new UUID[n];
    UUID[] followed = new UUID[n];
    OffsetDateTime[] since = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      follower[i] = events.get(i).followerId().value();
      followed[i] = events.get(i).followedId().value();
      since[i] = at(events.get(i).followedAt());
    }
    String insert =
        """
        with ins as (
          insert into %1$s.follow (follower_id, followed_id, since)
          select t.* from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as t(a, b, since)
          where t.a <> t.b and %2$s and %3$s
          on conflict do nothing returning followed_id)
        insert into %1$s.follower_count (account_id, n)
        select followed_id, count(*) from ins group by followed_id
        on conflict (account_id) do update set n = follower_count.n + excluded.n
        """
            .formatted(s, NOT_ERASED.formatted(s, "t.a"), NOT_ERASED.formatted(s, "t.b"));
    // NOTE: backfill copies only pushed posts; pulled ones are merged in at read time anyway.
    String backfill =
        """
        insert into %1$s.home_entry (owner_id, post_id, author_id)
        select f.a, p.id, p.author_id
        from (select distinct * from unnest($1::uuid[], $2::uuid[]) as u(a, b)) f
        join %1$s.follow x on x.follower_id = f.a and x.followed_id = f.b
        cross join lateral (
          select q.id, q.author_id from %1$s.post q
          join %1$s.post_moderation m on m.post_id = q.id
          where q.author_id = f.b and q.fanout = 'push' and m.verdict = 'cleared'
            and m.removed_at is null
          order by q.id desc limit $3) p
        where not exists (select 1 from %1$s.block k
          where (k.blocker_id = f.a and k.blocked_id = f.b)
             or (k.blocker_id = f.b and k.blocked_id = f.a))
        on conflict do nothing
        """
            .formatted(s);
    return conn.preparedQuery(insert)
        .execute(args(follower, followed, since))
        .chain(
            () ->
                conn.preparedQuery(backfill)
                    .execute(args(follower, followed, (long) config.backfill())))
        .replaceWithVoid();
  }

  Uni<Void> unfollowed(SqlConnection conn, String s, List<AccountUnfollowed> events) {
    UUID[] follower = events.stream().map(e -> e.followerId().value()).toArray(UUID[]::new);
    UUID[] followed = events.stream().map(e -> e.followedId().value()).toArray(UUID[]::new);
    String delete =
        """
        with del as (
          delete from %1$s.follow f using (select distinct * from unnest($1::uuid[], $2::uuid[]))
            as t(a, b)
          where f.follower_id = t.a and f.followed_id = t.b returning f.followed_id)
        update %1$s.follower_count c set n = c.n - d.cnt
        from (select followed_id, count(*) as cnt from del group by followed_id) d
        where c.account_id = d.followed_id
        """
            .formatted(s);
    return conn.preparedQuery(delete)
        .execute(args(follower, followed))
        .chain(() -> unhome(conn, s, follower, followed))
        .replaceWithVoid();
  }

  Uni<Void> blocked(SqlConnection conn, String s, List<AccountBlocked> events) {
    UUID[] blocker = events.stream().map(e -> e.blockerId().value()).toArray(UUID[]::new);
    UUID[] blocked = events.stream().map(e -> e.blockedId().value()).toArray(UUID[]::new);
    String insert =
        """
        insert into %1$s.block (blocker_id, blocked_id)
        select t.* from unnest($1::uuid[], $2::uuid[]) as t(a, b) where %2$s and %3$s
        on conflict do nothing
        """
            .formatted(s, NOT_ERASED.formatted(s, "t.a"), NOT_ERASED.formatted(s, "t.b"));
    return conn.preparedQuery(insert)
        .execute(args(blocker, blocked))
        .chain(() -> unhome(conn, s, blocker, blocked))
        .chain(() -> unhome(conn, s, blocked, blocker));
  }

  Uni<Void> unblocked(SqlConnection conn, String s, List<AccountUnblocked> events) {
    UUID[] blocker = events.stream().map(e -> e.blockerId().value()).toArray(UUID[]::new);
    UUID[] blocked = events.stream().map(e -> e.blockedId().value()).toArray(UUID[]::new);
    return conn.preparedQuery(
            ("delete from %1$s.block b using unnest($1::uuid[], $2::uuid[]) as t(a, b)"
                    + " where b.blocker_id = t.a and b.blocked_id = t.b")
                .formatted(s))
        .execute(args(blocker, blocked))
        .replaceWithVoid();
  }

  /** Takes every post of {@code author[i]} out of the home of {@code owner[i]}. */
  private Uni<Void> unhome(SqlConnection conn, String s, UUID[] owner, UUID[] author) {
    return conn.preparedQuery(
            ("delete from %1$s.home_entry h using unnest($1::uuid[], $2::uuid[]) as t(o, a)"
                    + " where h.owner_id = t.o and h.author_id = t.a")
                .formatted(s))
        .execute(args(owner, author))
        .replaceWithVoid();
  }
}
