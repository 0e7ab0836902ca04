package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.agora.events.EncryptedContent;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.media.MediaUploaded;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountUnblocked;

/**
 * post-service's read model, applied from its own topics. Every apply is idempotent (insert ≡
 * insert twice; a delete of what is gone does nothing), so the write-through after an append and
 * the later delivery of the same record agree.
 */
@ApplicationScoped
public class PostStore {
  // NOTE: one statement per post (a batch pipelines them in one transaction); the first revision
  // and the media attachment are written only with a new row.
  private static final String PUBLISHED =
      """
      with inserted as (
        insert into stored_post (id, author_id, published_at, in_reply_to_id, language,
          visibility, content_alg, content_nonce, content_ciphertext, media_ids)
        values ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        on conflict (id) do nothing
        returning id
      ), revised as (
        insert into post_revision (event_id, post_id, created_at, language, content_alg,
          content_nonce, content_ciphertext)
        select $1::uuid, id, $4, $6, $8, $9, $10 from inserted
        on conflict (event_id) do nothing
      )
      update stored_media set post_id = $2
      where id = any (string_to_array($11, ',')::uuid[]) and exists (select 1 from inserted)
      """;

  // NOTE: a verdict that changes nothing writes nothing: most posts are cleared and were never
  // held, and an update of every one rewrote the whole row (WAL, and a dead row to vacuum).
  private static final String SCREENED =
      "update stored_post set held_at = $2 where id = $1 and held_at is distinct from $2";

  // NOTE: the consumer of posts.events applies again every publication this instance wrote
  // through right after its append. Their event ids are kept here until the consumer meets them,
  // so it skips them without a statement. At most WRITTEN_THROUGH_MAX are kept (a consumer that
  // far behind applies them again, which changes nothing).
  private static final int WRITTEN_THROUGH_MAX = 50_000;

  private final Pool pool;
  private final Set<UUID> writtenThrough = ConcurrentHashMap.newKeySet();

  public PostStore(Pool pool) {
    this.pool = pool;
  }

  /** {@link #apply(UUID, PostPublished)} right after the append, remembered for the consumer. */
  public Uni<Void> writeThrough(UUID eventId, PostPublished event) {
    return apply(eventId, event)
        .invoke(
            () -> {
              if (writtenThrough.size() < WRITTEN_THROUGH_MAX) {
                writtenThrough.add(eventId);
              }
            });
  }

  /** A published post, keyed by its event's id; one statement on the reactive pool. */
  public Uni<Void> apply(UUID eventId, PostPublished event) {
    return pool.preparedQuery(PUBLISHED).execute(published(eventId, event)).replaceWithVoid();
  }

  /** Published posts in log order, in one transaction. */
  public Uni<Void> applyPublished(List<Map.Entry<UUID, PostPublished>> events) {
    List<Tuple> rows =
        events.stream()
            .filter(e -> !writtenThrough.remove(e.getKey()))
            .map(e -> published(e.getKey(), e.getValue()))
            .toList();
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return pool.withTransaction(c -> c.preparedQuery(PUBLISHED).executeBatch(rows))
        .replaceWithVoid();
  }

  /** Screening verdicts in log order, in one transaction; the last verdict on a post stands. */
  public Uni<Void> applyScreened(List<PostScreened> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> rows =
        events.stream()
            .map(e -> Tuple.of(e.postId().value(), e.cleared() ? null : at(e.screenedAt())))
            .toList();
    return pool.withTransaction(c -> c.preparedQuery(SCREENED).executeBatch(rows))
        .replaceWithVoid();
  }

  private static Tuple published(UUID eventId, PostPublished event) {
    return Tuple.from(
        Arrays.asList(
            eventId,
            event.postId().value(),
            event.authorId().value(),
            at(event.publishedAt()),
            event.inReplyToId() == null ? null : event.inReplyToId().value(),
            event.language(),
            event.visibility(),
            event.content().alg(),
            event.content().nonce(),
            event.content().ciphertext(),
            joined(event.mediaIds())));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public Uni<Void> apply(UUID eventId, PostEdited event) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        StoredPost.update(
                                "contentAlg = ?1, contentNonce = ?2, contentCiphertext = ?3,"
                                    + " language = ?4, editedAt = ?5 where id = ?6"
                                    + " and (editedAt is null or editedAt < ?5)",
                                event.content().alg(),
                                event.content().nonce(),
                                event.content().ciphertext(),
                                event.language(),
                                event.editedAt(),
                                event.postId().value())
                            .chain(
                                updated ->
                                    StoredPost.count("id", event.postId().value())
                                        .chain(
                                            exists ->
                                                exists == 0
                                                    ? Uni.createFrom().voidItem()
                                                    : revision(
                                                        session,
                                                        eventId,
                                                        event.postId().value(),
                                                        event.editedAt(),
                                                        event.language(),
                                                        event.content())))));
  }

  public Uni<Void> apply(PostDeleted event) {
    return purge(event.postId().value(), event.mediaIds());
  }

  /** Drops a post, its versions and its media rows. */
  public Uni<Void> purge(UUID postId, List<UUID> mediaIds) {
    return Panache.withTransaction(
        () ->
            PostRevision.delete("postId", postId)
                .chain(
                    () -> StoredMedia.delete("postId = ?1 or id in ?2", postId, orNone(mediaIds)))
                .chain(() -> StoredPost.delete("id", postId))
                .replaceWithVoid());
  }

  /**
   * Shredded keys, whether of posts or of media objects: whatever belonged to them goes, in one
   * transaction (their files are removed by the caller).
   */
  public Uni<Void> purgeShredded(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Tuple shredded = Tuple.of(ids.toArray(UUID[]::new));
    return pool.withTransaction(
            c ->
                c.preparedQuery("delete from post_revision where post_id = any ($1)")
                    .execute(shredded)
                    .chain(
                        () ->
                            c.preparedQuery(
                                    "delete from stored_media where post_id = any ($1)"
                                        + " or id = any ($1)")
                                .execute(shredded))
                    .chain(
                        () ->
                            c.preparedQuery("delete from stored_post where id = any ($1)")
                                .execute(shredded)))
        .replaceWithVoid();
  }

  /** A shredded media key: the media row goes (its file is removed by the caller). */
  public Uni<Void> purgeMedia(UUID mediaId) {
    return Panache.withTransaction(() -> StoredMedia.delete("id", mediaId)).replaceWithVoid();
  }

  public Uni<Void> apply(MediaUploaded event) {
    EncryptedContent description = event.description();
    return executeInTransaction(
        "insert into stored_media (id, owner_id, mime_type, width, height, size_bytes,"
            + " description_alg, description_nonce, description_ciphertext, uploaded_at)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (id) do nothing",
        event.mediaId(),
        event.ownerId().value(),
        event.mimeType(),
        event.width(),
        event.height(),
        event.sizeBytes(),
        description == null ? null : description.alg(),
        description == null ? null : description.nonce(),
        description == null ? null : description.ciphertext(),
        event.uploadedAt());
  }

  public Uni<Void> apply(AccountSuspended event) {
    return executeInTransaction(
        "insert into account_suspension (account_id, until, suspended_at) values (?1, ?2, ?3)"
            + " on conflict (account_id) do update set until = excluded.until,"
            + " suspended_at = excluded.suspended_at"
            + " where account_suspension.suspended_at <= excluded.suspended_at",
        event.accountId().value(),
        event.until(),
        event.suspendedAt());
  }

  /** Only a throttled sign-up leaves a trace here; an active registration needs none. */
  public Uni<Void> apply(AccountRegistered event) {
    if (!AccountRegistered.PENDING_APPROVAL.equals(event.state())) {
      return Uni.createFrom().voidItem();
    }
    return executeInTransaction(
        "insert into account_pending (account_id, registered_at) values (?1, ?2)"
            + " on conflict (account_id) do nothing",
        event.accountId().value(),
        event.registeredAt());
  }

  public Uni<Void> apply(AccountApproved event) {
    return Panache.withTransaction(
            () -> PendingAccount.delete("accountId = ?1", event.accountId().value()))
        .replaceWithVoid();
  }

  public Uni<Void> apply(PostLabeled event) {
    return Panache.withTransaction(
            () ->
                StoredPost.update(
                    "labeledAt = ?1 where id = ?2", event.labeledAt(), event.postId().value()))
        .replaceWithVoid();
  }

  public Uni<Void> apply(AccountReinstated event) {
    return Panache.withTransaction(
            () ->
                AccountStanding.delete(
                    "accountId = ?1 and suspendedAt <= ?2",
                    event.accountId().value(),
                    event.reinstatedAt()))
        .replaceWithVoid();
  }

  public Uni<Void> apply(AccountBlocked event) {
    return executeInTransaction(
        "insert into account_block (pair, blocker_id, blocked_id) values (?1, ?2, ?3)"
            + " on conflict (pair) do nothing",
        AccountBlock.pair(event.blockerId().value(), event.blockedId().value()),
        event.blockerId().value(),
        event.blockedId().value());
  }

  public Uni<Void> apply(AccountUnblocked event) {
    return Panache.withTransaction(
            () ->
                AccountBlock.delete(
                    "pair",
                    AccountBlock.pair(event.blockerId().value(), event.blockedId().value())))
        .replaceWithVoid();
  }

  public Uni<Void> apply(PostRemoved event) {
    return Panache.withTransaction(
            () ->
                StoredPost.update(
                    "removedAt = ?1 where id = ?2", event.removedAt(), event.postId().value()))
        .replaceWithVoid();
  }

  public Uni<Void> apply(PostScreened event) {
    return applyScreened(List.of(event));
  }

  /** A restoration lifts a removal, and releases a post screening held (a moderator looked). */
  public Uni<Void> apply(PostRestored event) {
    return Panache.withTransaction(
            () ->
                StoredPost.update(
                        "removedAt = null where id = ?1 and removedAt <= ?2",
                        event.postId().value(),
                        event.restoredAt())
                    .chain(
                        () ->
                            StoredPost.update(
                                "heldAt = null where id = ?1 and heldAt <= ?2",
                                event.postId().value(),
                                event.restoredAt())))
        .replaceWithVoid();
  }

  public Uni<Void> apply(PostUnlabeled event) {
    return Panache.withTransaction(
            () ->
                StoredPost.update(
                    "labeledAt = null where id = ?1 and labeledAt <= ?2",
                    event.postId().value(),
                    event.unlabeledAt()))
        .replaceWithVoid();
  }

  /** Whether either account blocked the other. */
  public Uni<Boolean> blockedEitherWay(UUID one, UUID other) {
    return Panache.withSession(
        () ->
            AccountBlock.count(
                    "pair in ?1",
                    List.of(AccountBlock.pair(one, other), AccountBlock.pair(other, one)))
                .map(count -> count > 0));
  }

  /** Everything an account still has here: its posts, and uploads never attached. */
  public Uni<List<StoredPost>> postsBy(UUID author) {
    return Panache.withSession(() -> StoredPost.<StoredPost>list("authorId", author));
  }

  public Uni<List<StoredMedia>> unattachedMediaOf(UUID owner) {
    return Panache.withSession(
        () -> StoredMedia.<StoredMedia>list("ownerId = ?1 and postId is null", owner));
  }

  public Uni<Optional<StoredPost>> post(UUID id) {
    return Panache.withSession(() -> StoredPost.<StoredPost>findById(id).map(Optional::ofNullable));
  }

  public Uni<List<PostRevision>> revisions(UUID postId) {
    return Panache.withSession(
        () -> PostRevision.<PostRevision>list("postId = ?1 order by createdAt", postId));
  }

  public Uni<List<StoredMedia>> media(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Panache.withSession(() -> StoredMedia.<StoredMedia>list("id in ?1", ids));
  }

  public Uni<Optional<StoredMedia>> media(UUID id) {
    return Panache.withSession(
        () -> StoredMedia.<StoredMedia>findById(id).map(Optional::ofNullable));
  }

  /** Runs one native statement with positional parameters ?1, ?2, … in the current session. */
  private static Uni<Integer> execute(
      org.hibernate.reactive.mutiny.Mutiny.Session session, String sql, Object... parameters) {
    var query = session.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.executeUpdate();
  }

  private static Uni<Void> executeInTransaction(String sql, Object... parameters) {
    return Panache.withTransaction(
            () -> Panache.getSession().chain(session -> execute(session, sql, parameters)))
        .replaceWithVoid();
  }

  private static Uni<Void> revision(
      org.hibernate.reactive.mutiny.Mutiny.Session session,
      UUID eventId,
      UUID postId,
      Instant at,
      String language,
      EncryptedContent content) {
    return execute(
            session,
            "insert into post_revision (event_id, post_id, created_at, language, content_alg,"
                + " content_nonce, content_ciphertext) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " on conflict (event_id) do nothing",
            eventId,
            postId,
            at,
            language,
            content.alg(),
            content.nonce(),
            content.ciphertext())
        .replaceWithVoid();
  }

  /** The row {@link #apply(UUID, PostPublished)} writes for a new post, built in memory. */
  public static StoredPost asStored(PostPublished event) {
    var post = new StoredPost();
    post.id = event.postId().value();
    post.authorId = event.authorId().value();
    post.publishedAt = event.publishedAt();
    post.inReplyToId = event.inReplyToId() == null ? null : event.inReplyToId().value();
    post.language = event.language();
    post.visibility = event.visibility();
    post.contentAlg = event.content().alg();
    post.contentNonce = event.content().nonce();
    post.contentCiphertext = event.content().ciphertext();
    post.mediaIds = joined(event.mediaIds());
    return post;
  }

  private static String joined(List<UUID> ids) {
    return ids == null ? null : ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  private static List<UUID> orNone(List<UUID> ids) {
    // NOTE: "in ()" is not valid SQL; a random id matches nothing.
    return ids == null || ids.isEmpty() ? List.of(UUID.randomUUID()) : ids;
  }
}
