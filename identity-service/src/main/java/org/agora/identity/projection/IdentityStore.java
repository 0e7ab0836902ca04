package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.agora.events.AgoraEvent;
import org.agora.events.EncryptedContent;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.identity.domain.graph.GraphRules;
import org.agora.kit.messaging.InTurn;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * identity-service's read model of accounts, profiles (sealed), follows and blocks, applied from
 * its own topics. Every apply is idempotent and order-tolerant: inserts do nothing on conflict,
 * edges and profiles keep the latest by event time, and an erased account's late events find
 * nothing to bring back. So the write-through after an append and the later delivery agree.
 */
@ApplicationScoped
public class IdentityStore {
  public static final String ACTIVE = "active";
  public static final String SUSPENDED = "suspended";

  // --- accounts ---

  public Uni<Void> apply(AccountRegistered event) {
    return execute(
        "insert into identity_account (id, handle, state, created_at, key_issued)"
            + " select ?1, ?2, ?3, ?4, false"
            + " where not exists (select 1 from erased_account where id = ?1)"
            + " on conflict do nothing",
        event.accountId().value(),
        event.handle().toLowerCase(java.util.Locale.ROOT),
        event.state(),
        event.registeredAt());
  }

  public Uni<Void> apply(AccountApproved event) {
    return execute(
        "update identity_account set state = 'active' where id = ?1 and state = 'pending_approval'",
        event.accountId().value());
  }

  public Uni<Void> apply(AccountProfileChanged event) {
    EncryptedContent name = event.displayName();
    EncryptedContent note = event.note();
    return execute(
        "update identity_account set display_name_alg = ?2, display_name_nonce = ?3,"
            + " display_name_ciphertext = ?4, note_alg = ?5, note_nonce = ?6, note_ciphertext = ?7,"
            + " profile_changed_at = ?8"
            + " where id = ?1 and (profile_changed_at is null or profile_changed_at < ?8)",
        event.accountId().value(),
        name == null ? null : name.alg(),
        name == null ? null : name.nonce(),
        name == null ? null : name.ciphertext(),
        note == null ? null : note.alg(),
        note == null ? null : note.nonce(),
        note == null ? null : note.ciphertext(),
        event.changedAt());
  }

  public Uni<Void> keyIssued(UUID accountId) {
    return execute("update identity_account set key_issued = true where id = ?1", accountId);
  }

  public Uni<Void> apply(AccountSuspended event) {
    return transaction(session -> apply(session, event));
  }

  public Uni<Void> apply(AccountReinstated event) {
    return transaction(session -> apply(session, event));
  }

  /** The same, in a transaction the caller holds (see {@link #underAccountLock}). */
  public Uni<Void> apply(Mutiny.Session session, AccountSuspended event) {
    return decision(session, event.decisionId(), event.accountId().value())
        .chain(
            () ->
                run(
                    session,
                    "update identity_account set state = 'suspended', suspended_at = ?2,"
                        + " suspended_until = ?3, suspension_decision = ?4 where id = ?1"
                        + " and (suspended_at is null or suspended_at < ?2)",
                    event.accountId().value(),
                    event.suspendedAt(),
                    event.until(),
                    event.decisionId()));
  }

  public Uni<Void> apply(Mutiny.Session session, AccountReinstated event) {
    return decision(session, event.decisionId(), event.accountId().value())
        .chain(
            () ->
                run(
                        session,
                        "update identity_account set state = 'active', suspended_until = null"
                            + " where id = ?1 and state = 'suspended' and suspended_at <= ?2",
                        event.accountId().value(),
                        event.reinstatedAt())
                    // a notice not yet delivered has nothing left to say
                    .chain(
                        () ->
                            run(
                                session,
                                "delete from pending_notice where account_id = ?1",
                                event.accountId().value())));
  }

  /**
   * Runs {@code work} in one transaction that holds a lock on the account (a PostgreSQL advisory
   * lock), so instances applying decisions to the same account take turns and each sees what the
   * one before committed: a decision redelivered during a rebalance is applied once.
   */
  public <T> Uni<T> underAccountLock(UUID account, Function<Mutiny.Session, Uni<T>> work) {
    long key = account.getMostSignificantBits() ^ account.getLeastSignificantBits();
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "select 1 from (select pg_advisory_xact_lock(?1)) locked")
                            .setParameter(1, key)
                            .getSingleResult()
                            .chain(() -> work.apply(session))));
  }

  /** Whether the decision was applied, read inside the caller's transaction. */
  public Uni<Boolean> decisionApplied(Mutiny.Session session, UUID decisionId) {
    return session
        .createNativeQuery(
            "select count(*) from applied_decision where decision_id = ?1", Long.class)
        .setParameter(1, decisionId)
        .getSingleResult()
        .map(count -> count > 0);
  }

  /** The account's state and suspension end, read inside the caller's transaction. */
  public Uni<Optional<Standing>> standing(Mutiny.Session session, UUID account) {
    return session
        .createNativeQuery(
            "select state, suspended_until from identity_account where id = ?1", Object[].class)
        .setParameter(1, account)
        .getResultList()
        .map(
            rows ->
                rows.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                        new Standing(
                            (String) rows.get(0)[0],
                            rows.get(0)[1] == null ? null : instant(rows.get(0)[1]))));
  }

  public record Standing(String state, Instant suspendedUntil) {}

  /** Everything this service holds about the account goes; only its bare id stays, as a marker. */
  public Uni<Void> apply(AccountErased event) {
    UUID id = event.accountId().value();
    return transaction(
        session ->
            run(
                    session,
                    "insert into erased_account (id, erased_at) values (?1, ?2)"
                        + " on conflict do nothing",
                    id,
                    event.erasedAt())
                .chain(
                    () ->
                        run(
                            session,
                            "delete from account_follow where follower_id = ?1 or followed_id = ?1",
                            id))
                .chain(
                    () ->
                        run(
                            session,
                            "delete from account_block where blocker_id = ?1 or blocked_id = ?1",
                            id))
                .chain(() -> run(session, "delete from follow_action where follower_id = ?1", id))
                .chain(() -> run(session, "delete from applied_decision where account_id = ?1", id))
                .chain(() -> run(session, "delete from pending_notice where account_id = ?1", id))
                .chain(() -> run(session, "delete from identity_account where id = ?1", id)));
  }

  // --- graph ---

  /**
   * A run of graph events (follows, unfollows, blocks, unblocks) in one transaction, in log order;
   * each pairs the event's id with the event. Other events are passed over.
   */
  public Uni<Void> applyGraph(List<Map.Entry<UUID, AgoraEvent>> events) {
    return transaction(
        session -> InTurn.each(events, e -> graph(session, e.getKey(), e.getValue())));
  }

  private static Uni<Void> graph(Mutiny.Session session, UUID eventId, AgoraEvent event) {
    return switch (event) {
      case AccountFollowed followed -> followed(session, eventId, followed);
      case AccountUnfollowed e ->
          edge(
              session,
              "account_follow",
              e.followerId().value(),
              e.followedId().value(),
              false,
              e.unfollowedAt());
      case AccountBlocked e ->
          edge(
              session,
              "account_block",
              e.blockerId().value(),
              e.blockedId().value(),
              true,
              e.blockedAt());
      case AccountUnblocked e ->
          edge(
              session,
              "account_block",
              e.blockerId().value(),
              e.blockedId().value(),
              false,
              e.unblockedAt());
      default -> Uni.createFrom().voidItem();
    };
  }

  private static Uni<Void> followed(Mutiny.Session session, UUID eventId, AccountFollowed event) {
    UUID from = event.followerId().value();
    UUID to = event.followedId().value();
    return run(
            session,
            "insert into follow_action (event_id, follower_id, followed_at)"
                + " values (?1, ?2, ?3) on conflict do nothing",
            eventId,
            from,
            event.followedAt())
        .chain(() -> edge(session, "account_follow", from, to, true, event.followedAt()));
  }

  // --- reads ---

  public Uni<Optional<ProjectedAccount>> account(UUID id) {
    return Panache.withSession(
        () -> ProjectedAccount.<ProjectedAccount>findById(id).map(Optional::ofNullable));
  }

  public Uni<Optional<ProjectedAccount>> accountByHandle(String handle) {
    return Panache.withSession(
        () ->
            ProjectedAccount.<ProjectedAccount>find(
                    "handle", handle.toLowerCase(java.util.Locale.ROOT))
                .firstResult()
                .map(Optional::ofNullable));
  }

  public Uni<List<ProjectedAccount>> accounts(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Panache.withSession(() -> ProjectedAccount.<ProjectedAccount>list("id in ?1", ids));
  }

  public Uni<Boolean> erased(UUID id) {
    return Panache.withSession(() -> ErasedAccount.count("id", id).map(n -> n > 0));
  }

  public Uni<Boolean> decisionApplied(UUID decisionId) {
    return Panache.withSession(
        () -> AppliedDecision.count("decisionId", decisionId).map(n -> n > 0));
  }

  public Uni<Counts> counts(UUID id) {
    return Panache.withSession(
        () ->
            FollowEdge.count("followedId = ?1 and active = true", id)
                .chain(
                    followers ->
                        FollowEdge.count("followerId = ?1 and active = true", id)
                            .map(following -> new Counts(followers, following))));
  }

  public Uni<GraphRules.Standing> standing(UUID me, UUID other) {
    return relationships(me, List.of(other)).map(all -> all.get(0));
  }

  /** How {@code me} stands with each of {@code others}, in their order. */
  public Uni<List<GraphRules.Standing>> relationships(UUID me, List<UUID> others) {
    if (others.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Panache.withSession(
        () ->
            FollowEdge.<FollowEdge>list(
                    "active = true and ((followerId = ?1 and followedId in ?2)"
                        + " or (followedId = ?1 and followerId in ?2))",
                    me,
                    others)
                .chain(
                    follows ->
                        BlockEdge.<BlockEdge>list(
                                "active = true and ((blockerId = ?1 and blockedId in ?2)"
                                    + " or (blockedId = ?1 and blockerId in ?2))",
                                me,
                                others)
                            .map(
                                blocks ->
                                    others.stream()
                                        .map(
                                            other ->
                                                new GraphRules.Standing(
                                                    follows.stream()
                                                        .anyMatch(
                                                            f ->
                                                                f.followerId.equals(me)
                                                                    && f.followedId.equals(other)),
                                                    follows.stream()
                                                        .anyMatch(
                                                            f ->
                                                                f.followerId.equals(other)
                                                                    && f.followedId.equals(me)),
                                                    blocks.stream()
                                                        .anyMatch(
                                                            b ->
                                                                b.blockerId.equals(me)
                                                                    && b.blockedId.equals(other)),
                                                    blocks.stream()
                                                        .anyMatch(
                                                            b ->
                                                                b.blockerId.equals(other)
                                                                    && b.blockedId.equals(me))))
                                        .toList())));
  }

  public Uni<Long> followsSince(UUID follower, Instant since) {
    return Panache.withSession(
        () -> FollowAction.count("followerId = ?1 and followedAt >= ?2", follower, since));
  }

  /** Drops the account's follow records that no longer count against the daily limit. */
  public Uni<Void> pruneFollowActions(UUID follower, Instant before) {
    return execute(
        "delete from follow_action where follower_id = ?1 and followed_at < ?2", follower, before);
  }

  /** Who follows {@code account}: the other account and when, one page. */
  public Uni<List<Edge>> followers(UUID account, EdgePage page) {
    return edges("account_follow", "followed_id", "follower_id", account, page);
  }

  public Uni<List<Edge>> following(UUID account, EdgePage page) {
    return edges("account_follow", "follower_id", "followed_id", account, page);
  }

  public Uni<List<Edge>> blocks(UUID account, EdgePage page) {
    return edges("account_block", "blocker_id", "blocked_id", account, page);
  }

  public Uni<List<ProjectedAccount>> suspensionsEndedBy(Instant now) {
    return Panache.withSession(
        () ->
            ProjectedAccount.<ProjectedAccount>list(
                "state = ?1 and suspendedUntil is not null and suspendedUntil <= ?2",
                SUSPENDED,
                now));
  }

  // --- helpers ---

  private Uni<List<Edge>> edges(
      String table, String ownColumn, String otherColumn, UUID account, EdgePage page) {
    StringBuilder sql =
        new StringBuilder("select ")
            .append(otherColumn)
            .append(", changed_at from ")
            .append(table)
            .append(" where ")
            .append(ownColumn)
            .append(" = ?1 and active = true");
    List<Object> parameters = new java.util.ArrayList<>(List.of(account));
    if (page.maxAt() != null) {
      sql.append(" and (changed_at, ").append(otherColumn).append(") < (?2, ?3)");
      parameters.add(page.maxAt());
      parameters.add(page.maxId());
    }
    EdgeCursor lower = page.minAt() != null ? page.min() : page.since();
    if (lower != null) {
      int n = parameters.size();
      sql.append(" and (changed_at, ")
          .append(otherColumn)
          .append(") > (?")
          .append(n + 1)
          .append(", ?")
          .append(n + 2)
          .append(")");
      parameters.add(lower.at());
      parameters.add(lower.id());
    }
    String direction = page.minAt() != null ? "asc" : "desc";
    sql.append(" order by changed_at ")
        .append(direction)
        .append(", ")
        .append(otherColumn)
        .append(" ")
        .append(direction)
        .append(" limit ")
        .append(page.limit());
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    session -> {
                      var query = session.createNativeQuery(sql.toString(), Object[].class);
                      for (int i = 0; i < parameters.size(); i++) {
                        query.setParameter(i + 1, parameters.get(i));
                      }
                      return query.getResultList();
                    })
                .map(
                    rows -> {
                      var edges =
                          new java.util.ArrayList<>(
                              rows.stream()
                                  .map(row -> new Edge((UUID) row[0], instant(row[1])))
                                  .toList());
                      if (page.minAt() != null) {
                        java.util.Collections.reverse(edges);
                      }
                      return edges;
                    }));
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case java.time.OffsetDateTime o -> o.toInstant();
      case java.time.ZonedDateTime z -> z.toInstant();
      case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
      case java.sql.Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
    };
  }

  private static Uni<Void> edge(
      Mutiny.Session session, String table, UUID from, UUID to, boolean active, Instant at) {
    String[] columns =
        table.equals("account_follow")
            ? new String[] {"follower_id", "followed_id"}
            : new String[] {"blocker_id", "blocked_id"};
    return run(
        session,
        "insert into "
            + table
            + " (pair, "
            + columns[0]
            + ", "
            + columns[1]
            + ", active, changed_at) select ?1, ?2, ?3, ?4, ?5"
            + " where not exists (select 1 from erased_account where id in (?2, ?3))"
            + " on conflict (pair) do update set active = excluded.active,"
            + " changed_at = excluded.changed_at where "
            + table
            + ".changed_at < excluded.changed_at",
        FollowEdge.pair(from, to),
        from,
        to,
        active,
        at);
  }

  private static Uni<Void> decision(Mutiny.Session session, UUID decisionId, UUID accountId) {
    if (decisionId == null) {
      return Uni.createFrom().voidItem();
    }
    return run(
        session,
        "insert into applied_decision (decision_id, account_id) values (?1, ?2)"
            + " on conflict do nothing",
        decisionId,
        accountId);
  }

  private static Uni<Void> run(Mutiny.Session session, String sql, Object... parameters) {
    var query = session.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.executeUpdate().replaceWithVoid();
  }

  private static Uni<Void> transaction(
      java.util.function.Function<Mutiny.Session, Uni<Void>> work) {
    return Panache.withTransaction(
        () -> Panache.getSession().chain(session -> work.apply(session)));
  }

  private static Uni<Void> execute(String sql, Object... parameters) {
    return transaction(session -> run(session, sql, parameters));
  }

  public record Counts(long followers, long following) {}

  /** One row of a followers, following or blocks list. */
  public record Edge(UUID accountId, Instant at) {}

  /** A position in such a list: when the edge began and the other account's id. */
  public record EdgeCursor(Instant at, UUID id) {}

  /**
   * One page: at most {@code limit} edges before {@code max}, after {@code since} or {@code min}.
   */
  public record EdgePage(EdgeCursor max, EdgeCursor since, EdgeCursor min, int limit) {
    Instant maxAt() {
      return max == null ? null : max.at();
    }

    UUID maxId() {
      return max == null ? null : max.id();
    }

    Instant minAt() {
      return min == null ? null : min.at();
    }
  }
}
