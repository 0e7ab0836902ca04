package org.agora.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KafkaTopicProbe;
import org.eclipse.microprofile.config.ConfigProvider;

/** Feeds the real Kafka with what post-service would append, as tests of this service need. */
final class PostFeed {
  private static final Map<PostId, DataKey> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  private PostFeed() {}

  /** Publishes as post-service would, and clears it as moderation's screening would. */
  static PostPublished publish(AccountId author, String text, Instant at) {
    var event = publishUnscreened(author, text, at);
    screen(event, PostScreened.CLEARED);
    return event;
  }

  static void screen(PostPublished post, String verdict) {
    send(
        topic("decisions"),
        new PostScreened(
            UUID.randomUUID(),
            post.postId(),
            verdict,
            PostScreened.CLEARED.equals(verdict) ? 0.0 : 0.95,
            List.of(),
            "test",
            post.publishedAt(),
            Instant.now()),
        post.postId(),
        UUID.randomUUID());
  }

  static void decide(ModerationDecision decision, PostId post) {
    send(topic("decisions"), decision, post, UUID.randomUUID());
  }

  static PostPublished publishUnscreened(AccountId author, String text, Instant at) {
    PostId id = PostId.newId(at);
    DataKey key = DataKey.generate();
    KEYS.put(id, key);
    var event =
        new PostPublished(
            id, author, key.seal(text, id.toString()), "en", null, "public", at, null);
    KeyEncryptionKey kek = kek();
    send(
        topic("content-keys"),
        new ContentKeyIssued(id, kek.id(), kek.wrap(key)),
        id,
        UUID.randomUUID());
    send(topic("posts"), event, id, UUID.randomUUID());
    return event;
  }

  /** Seals new text under the post's key, as post-service does for an edit. */
  static void edit(PostPublished post, String text) {
    DataKey key = KEYS.get(post.postId());
    var edited =
        new PostEdited(
            post.postId(),
            post.authorId(),
            key.seal(text, post.postId().toString()),
            "en",
            Instant.now());
    send(topic("posts"), edited, post.postId(), UUID.randomUUID());
  }

  static void delete(PostPublished post) {
    send(
        topic("posts"),
        new PostDeleted(post.postId(), post.authorId(), List.of(), Instant.now()),
        post.postId(),
        UUID.randomUUID());
  }

  static void send(String topic, AgoraEvent event, PostId subject, UUID eventId) {
    KafkaTopicProbe.sendEvent(
        topic, subject.toString(), event.type(), EventCodec.encode(event), eventId);
  }

  static void shred(PostId post) {
    KafkaTopicProbe.send(topic("content-keys"), post.toString(), null, Map.of());
  }

  /** The topic of this test run for a stream ({@link TimelineTopics}). */
  static String topic(String stream) {
    return ConfigProvider.getConfig().getValue("agora.timeline.topic." + stream, String.class);
  }

  static KeyEncryptionKey kek() {
    var config = ConfigProvider.getConfig();
    return KeyEncryptionKey.fromBase64(
        config.getValue("agora.content.kek-id", String.class),
        config.getValue("agora.content.kek", String.class));
  }
}
