package org.agora.post.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountErased;
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
import org.agora.kit.keys.KeyTopicReader;
import org.agora.kit.messaging.IncomingEvents;
import org.agora.post.projection.PostStore;
import org.agora.post.storage.MediaStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds post-service's read model from the log: its own posts and media, suspensions and blocks
 * from identity, removals from moderation, and keys (in memory) from the compacted key topic, whose
 * tombstones purge rows and media files.
 */
@ApplicationScoped
public class ProjectionConsumers {
  private final PostStore store;
  private final MediaStore media;
  private final KeyTopicReader keys;
  private final AccountErasure erasure;

  public ProjectionConsumers(
      PostStore store, MediaStore media, KeyTopicReader keys, AccountErasure erasure) {
    this.store = store;
    this.media = media;
    this.keys = keys;
    this.erasure = erasure;
  }

  @Incoming("posts-in")
  public Uni<Void> posts(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::applyPost);
  }

  @Incoming("media-in")
  public Uni<Void> media(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            event instanceof MediaUploaded uploaded
                ? store.apply(uploaded)
                : Uni.createFrom().voidItem());
  }

  @Incoming("accounts-in")
  public Uni<Void> accounts(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            switch (event) {
              case AccountRegistered registered -> store.apply(registered);
              case AccountApproved approved -> store.apply(approved);
              case AccountSuspended suspended -> store.apply(suspended);
              case AccountReinstated reinstated -> store.apply(reinstated);
              case AccountErased erased -> erasure.erase(erased);
              default -> Uni.createFrom().voidItem();
            });
  }

  @Incoming("relationships-in")
  public Uni<Void> relationships(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            switch (event) {
              case AccountBlocked blocked -> store.apply(blocked);
              case AccountUnblocked unblocked -> store.apply(unblocked);
              default -> Uni.createFrom().voidItem();
            });
  }

  @Incoming("decisions-in")
  public Uni<Void> decisions(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            switch (event) {
              case PostRemoved removed -> store.apply(removed);
              case PostRestored restored -> store.apply(restored);
              case PostLabeled labeled -> store.apply(labeled);
              case PostUnlabeled unlabeled -> store.apply(unlabeled);
              case PostScreened screened -> store.apply(screened);
              default -> Uni.createFrom().voidItem();
            });
  }

  @Incoming("content-keys-in")
  public Uni<Void> keys(Message<byte[]> message) {
    return keys.apply(message)
        .map(this::shredded)
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  /** Whether the id was a post's or a media object's, what belonged to it goes. */
  Uni<Void> shredded(java.util.UUID id) {
    return store
        .purge(id, List.of())
        .chain(() -> store.purgeMedia(id))
        .chain(() -> media.delete(id));
  }

  Uni<Void> applyPost(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case PostPublished published -> store.apply(envelope.id(), published);
      case PostEdited edited -> store.apply(envelope.id(), edited);
      case PostDeleted deleted ->
          store
              .apply(deleted)
              .chain(
                  () -> {
                    Uni<Void> files = Uni.createFrom().voidItem();
                    for (var mediaId : deleted.mediaIds()) {
                      files = files.chain(() -> media.delete(mediaId));
                    }
                    return files;
                  });
      default -> Uni.createFrom().voidItem();
    };
  }
}
