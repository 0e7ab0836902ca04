package org.agora.post.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.posts.PostDeleted;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonStatus;
import org.agora.post.config.PostLimits;
import org.agora.post.domain.PostComposer;
import org.agora.post.domain.PostRejected;
import org.agora.post.domain.PublishPost;
import org.agora.post.messaging.PostLog;
import org.agora.post.projection.PostStore;
import org.agora.post.projection.SpeakerGate;
import org.agora.post.projection.StoredMedia;
import org.agora.post.projection.StoredPost;
import org.agora.post.storage.MediaStore;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's statuses API: publish, read, edit (with history) and delete. Only the author may
 * change or delete a post; anyone else is told it does not exist.
 */
@Path("/api/v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
public class StatusesResource {
  private final Caller caller;
  private final PostComposer composer;
  private final PostLog log;
  private final PostStore store;
  private final StatusViews views;
  private final ContentKeyRing keys;
  private final MediaStore mediaStore;
  private final PostLimits limits;
  private final Clock clock;
  private final CurrentIdentityAssociation identities;
  private final SpeechChecks speech;
  private final SpeakerGate gate;

  public StatusesResource(
      Caller caller,
      PostComposer composer,
      PostLog log,
      PostStore store,
      StatusViews views,
      ContentKeyRing keys,
      MediaStore mediaStore,
      PostLimits limits,
      Clock clock,
      CurrentIdentityAssociation identities,
      SpeechChecks speech,
      SpeakerGate gate) {
    this.caller = caller;
    this.composer = composer;
    this.log = log;
    this.store = store;
    this.views = views;
    this.keys = keys;
    this.mediaStore = mediaStore;
    this.limits = limits;
    this.clock = clock;
    this.identities = identities;
    this.speech = speech;
    this.gate = gate;
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<MastodonStatus> publish(StatusRequest request) {
    AccountId author = caller.requireSpeaker();
    if (request == null) {
      throw ApiException.unprocessable("status: can't be blank");
    }
    return publish(author, request);
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<MastodonStatus> publishForm(
      @RestForm String status,
      @RestForm("in_reply_to_id") String inReplyToId,
      @RestForm String language,
      @RestForm String visibility,
      @RestForm("media_ids[]") List<String> mediaIds) {
    AccountId author = caller.requireSpeaker();
    return publish(
        author, new StatusRequest(status, inReplyToId, language, visibility, null, null, mediaIds));
  }

  // NOTE: reads by id need no token (ids are not guessable) and so must not touch the caller's
  // identity, which is resolved lazily and would block the I/O thread.
  @GET
  @Path("/{id}")
  public Uni<MastodonStatus> read(@PathParam("id") String id) {
    return visible(id)
        .chain(post -> views.status(post, null))
        .map(status -> status.orElseThrow(ApiException::notFound));
  }

  @GET
  @Path("/{id}/history")
  public Uni<List<StatusViews.StatusEdit>> history(@PathParam("id") String id) {
    return visible(id)
        .chain(
            post ->
                store.revisions(post.id).map(revisions -> views.history(post, revisions, null)));
  }

  @GET
  @Path("/{id}/source")
  @Authenticated
  public Uni<Map<String, String>> source(@PathParam("id") String id) {
    AccountId me = caller.requireAccount();
    return owned(id, me)
        .map(
            post ->
                Map.of(
                    "id", post.id.toString(),
                    "text", views.text(post).orElseThrow(ApiException::notFound),
                    "spoiler_text", ""));
  }

  @PUT
  @Path("/{id}")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<MastodonStatus> edit(@PathParam("id") String id, StatusRequest request) {
    AccountId author = caller.requireSpeaker();
    if (request == null) {
      throw ApiException.unprocessable("status: can't be blank");
    }
    if (request.mediaIds() != null && !request.mediaIds().isEmpty()) {
      throw ApiException.unprocessable("media_ids: attachments cannot be changed by an edit");
    }
    return owned(id, author)
        .call(() -> speech.refuseIfMayNotSpeak(author))
        .chain(
            post -> {
              var key = keys.find(post.id).orElseThrow(ApiException::notFound);
              var edited =
                  rejecting(
                      () ->
                          composer.edit(
                              new PostId(post.id),
                              author,
                              request.status(),
                              request.language() == null ? post.language : request.language(),
                              key));
              return log.appendEdited(edited, author.toString())
                  .chain(eventId -> store.apply(eventId, edited))
                  .chain(() -> store.post(post.id))
                  .chain(
                      updated ->
                          views.status(
                              updated.orElseThrow(ApiException::notFound),
                              caller.username().orElse(null)))
                  .map(status -> status.orElseThrow(ApiException::notFound));
            });
  }

  @DELETE
  @Path("/{id}")
  @Authenticated
  public Uni<MastodonStatus> delete(@PathParam("id") String id) {
    AccountId author = caller.requireAccount();
    return owned(id, author)
        .chain(
            post ->
                views
                    .status(post, caller.username().orElse(null))
                    .chain(
                        shown -> {
                          var deleted =
                              new PostDeleted(
                                  new PostId(post.id), author, post.media(), clock.instant());
                          return log.appendDeleted(deleted, author.toString())
                              .chain(() -> store.apply(deleted))
                              .chain(() -> shred(post))
                              .map(
                                  ignored ->
                                      shown.orElseGet(
                                          () ->
                                              MastodonStatus.of(
                                                  post.id.toString(),
                                                  post.publishedAt,
                                                  null,
                                                  post.visibility,
                                                  post.language,
                                                  "",
                                                  views.account(post.authorId, null),
                                                  "")));
                        }));
  }

  private Uni<MastodonStatus> publish(AccountId author, StatusRequest request) {
    var post =
        rejecting(
            () ->
                composer.compose(
                    new PublishPost(
                        author,
                        request.status(),
                        request.inReplyToId(),
                        request.language(),
                        request.visibility(),
                        request.mediaIds() == null ? List.of() : request.mediaIds())));
    var event = post.event();
    List<UUID> mediaIds = event.mediaIds() == null ? List.of() : event.mediaIds();
    Instant now = clock.instant();
    Instant since = now.minus(limits.rateWindow());
    Uni<Boolean> admitted =
        mediaIds.isEmpty()
            ? gate.admit(author.value(), now, since, limits.rateLimit())
                .invoke(admission -> speech.refuseIfMayNotSpeak(admission.standing(), now))
                .map(SpeakerGate.Admission::slotTaken)
            : speech
                .refuseIfMayNotSpeak(author)
                .chain(() -> store.media(mediaIds))
                .invoke(media -> requireOwnUnattached(author, mediaIds, media))
                .chain(
                    media -> gate.takePublishSlot(author.value(), now, since, limits.rateLimit()));
    return admitted
        .invoke(
            allowed -> {
              if (!allowed) {
                throw new ApiException(429, "Too many requests: at most " + limits.describeRate());
              }
            })
        .chain(() -> log.appendPublished(post.key(), event, author.toString()))
        .invoke(() -> keys.put(event.postId().value(), post.dataKey()))
        .chain(eventId -> store.writeThrough(eventId, event))
        // NOTE: rendered from what was just written, not read back.
        .chain(() -> views.status(PostStore.asStored(event), caller.username().orElse(null)))
        .map(status -> status.orElseThrow(ApiException::notFound));
  }

  private static void requireOwnUnattached(
      AccountId author, List<UUID> requested, List<StoredMedia> found) {
    for (UUID id : requested) {
      boolean usable =
          found.stream()
              .anyMatch(
                  m -> m.id.equals(id) && m.ownerId.equals(author.value()) && m.postId == null);
      if (!usable) {
        throw ApiException.unprocessable(
            "media_ids: " + id + " is not an unattached upload of yours");
      }
    }
  }

  private Uni<Void> shred(StoredPost post) {
    keys.shred(post.id);
    Uni<Void> files = Uni.createFrom().voidItem();
    for (UUID mediaId : post.media()) {
      keys.shred(mediaId);
      files = files.chain(() -> mediaStore.delete(mediaId));
    }
    return files;
  }

  private Uni<StoredPost> live(String id) {
    UUID postId = postId(id);
    return store.post(postId).map(post -> post.orElseThrow(ApiException::notFound));
  }

  /**
   * The post as a reader may see it: not taken down by moderation, not held by screening (but to
   * its author), and not between accounts of which one blocked the other. The identity is resolved
   * without blocking, as the read is open to anonymous readers.
   */
  private Uni<StoredPost> visible(String id) {
    return live(id)
        .invoke(
            post -> {
              if (post.removedAt != null) {
                throw ApiException.notFound();
              }
            })
        .call(
            post ->
                identities
                    .getDeferredIdentity()
                    .chain(
                        identity -> {
                          if (identity.isAnonymous()
                              || !(identity.getPrincipal() instanceof JsonWebToken token)
                              || token.getSubject() == null) {
                            if (post.heldAt != null) {
                              throw ApiException.notFound();
                            }
                            return Uni.createFrom().voidItem();
                          }
                          UUID reader = UUID.fromString(token.getSubject());
                          if (post.heldAt != null && !reader.equals(post.authorId)) {
                            throw ApiException.notFound();
                          }
                          return store
                              .blockedEitherWay(reader, post.authorId)
                              .invoke(
                                  blocked -> {
                                    if (blocked) {
                                      throw ApiException.notFound();
                                    }
                                  });
                        }));
  }

  /** The post if the caller wrote it; to anyone else it does not exist. */
  private Uni<StoredPost> owned(String id, AccountId caller) {
    return live(id)
        .invoke(
            post -> {
              if (!post.authorId.equals(caller.value())) {
                throw ApiException.notFound();
              }
            });
  }

  private static UUID postId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }

  private static <T> T rejecting(java.util.function.Supplier<T> decision) {
    try {
      return decision.get();
    } catch (PostRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
  }
}
