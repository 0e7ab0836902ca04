package org.agora.post.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.events.EventEnvelope;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostPublished;
import org.agora.kit.messaging.CloudEventMessages;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Appends to the log, which is the post-service's source of truth (log-first, no database to keep
 * in step). The key is acknowledged before the event that needs it is sent.
 */
@ApplicationScoped
public class PostLog {
  public static final String SOURCE = "/agora/post-service";
  public static final String POSTS_CHANNEL = "posts-out";
  public static final String KEYS_CHANNEL = "content-keys-out";

  private final MutinyEmitter<byte[]> posts;
  private final MutinyEmitter<byte[]> keys;

  public PostLog(
      @Channel(POSTS_CHANNEL) MutinyEmitter<byte[]> posts,
      @Channel(KEYS_CHANNEL) MutinyEmitter<byte[]> keys) {
    this.posts = posts;
    this.keys = keys;
  }

  public Uni<Void> appendPublished(ContentKeyIssued key, PostPublished event, String actor) {
    String subject = event.postId().toString();
    var keyEnvelope = EventEnvelope.of(SOURCE, key, subject, event.publishedAt(), actor);
    var eventEnvelope = EventEnvelope.of(SOURCE, event, subject, event.publishedAt(), actor);
    return keys.sendMessage(CloudEventMessages.toMessage(keyEnvelope, key))
        .chain(() -> posts.sendMessage(CloudEventMessages.toMessage(eventEnvelope, event)));
  }
}
