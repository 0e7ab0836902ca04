package org.agora.post.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.agora.events.media.MediaKeyIssued;
import org.agora.events.media.MediaUploaded;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.kit.keys.KeyShredder;
import org.agora.kit.messaging.CloudEventMessages;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Appends to the log, which is the post-service's source of truth (log-first). A key is
 * acknowledged before the event that needs it; on deletion the keys are tombstoned before the event
 * that tells projections to purge.
 */
@ApplicationScoped
public class PostLog {
  public static final String SOURCE = "/agora/post-service";
  public static final String POSTS_CHANNEL = "posts-out";
  public static final String MEDIA_CHANNEL = "media-out";
  public static final String KEYS_CHANNEL = "content-keys-out";

  private final MutinyEmitter<byte[]> posts;
  private final MutinyEmitter<byte[]> media;
  private final MutinyEmitter<byte[]> keys;
  private final KeyShredder shredder;

  public PostLog(
      @Channel(POSTS_CHANNEL) MutinyEmitter<byte[]> posts,
      @Channel(MEDIA_CHANNEL) MutinyEmitter<byte[]> media,
      @Channel(KEYS_CHANNEL) MutinyEmitter<byte[]> keys,
      KeyShredder shredder) {
    this.posts = posts;
    this.media = media;
    this.keys = keys;
    this.shredder = shredder;
  }

  /** At boot: the follow-up tombstones of shreds a stop cut short ({@link KeyShredder#resume}). */
  void resumeShredding(@Observes StartupEvent startup) {
    resumeFollowUps().subscribe().with(scheduled -> {}, failure -> {});
  }

  /** The item is the number of follow-ups scheduled. */
  public Uni<Integer> resumeFollowUps() {
    return shredder.resume(keys, ContentKeyIssued.TOPIC);
  }

  /** Appends the key then the event; the item is the event's id. */
  public Uni<UUID> appendPublished(ContentKeyIssued key, PostPublished event, String actor) {
    String subject = event.postId().toString();
    return CloudEventMessages.append(keys, SOURCE, key, subject, event.publishedAt(), actor)
        .chain(
            () ->
                CloudEventMessages.append(
                    posts, SOURCE, event, subject, event.publishedAt(), actor));
  }

  public Uni<UUID> appendEdited(PostEdited event, String actor) {
    return CloudEventMessages.append(
        posts, SOURCE, event, event.postId().toString(), event.editedAt(), actor);
  }

  /** Tombstones the post's key and its media keys, then appends {@link PostDeleted}. */
  public Uni<UUID> appendDeleted(PostDeleted event, String actor) {
    Uni<Void> shredding = tombstone(event.postId().value());
    for (UUID mediaId : event.mediaIds()) {
      shredding = shredding.chain(() -> tombstone(mediaId));
    }
    return shredding.chain(
        () ->
            CloudEventMessages.append(
                posts, SOURCE, event, event.postId().toString(), event.deletedAt(), actor));
  }

  /** Tombstones a media key on its own (an erased account's unattached upload). */
  public Uni<Void> shredMedia(UUID mediaId) {
    return tombstone(mediaId);
  }

  public Uni<UUID> appendUploaded(MediaKeyIssued key, MediaUploaded event, String actor) {
    String subject = event.mediaId().toString();
    return CloudEventMessages.append(keys, SOURCE, key, subject, event.uploadedAt(), actor)
        .chain(
            () ->
                CloudEventMessages.append(
                    media, SOURCE, event, subject, event.uploadedAt(), actor));
  }

  private Uni<Void> tombstone(UUID id) {
    return shredder.shred(keys, id.toString());
  }
}
