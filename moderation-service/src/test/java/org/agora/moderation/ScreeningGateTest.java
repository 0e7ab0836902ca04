package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostEvent;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KafkaTopicProbe;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The screening gate on the real Kafka: violent posts are held, look-alikes pass. */
@QuarkusTest
class ScreeningGateTest {
  @Test
  void violentPostsInEnglishAndGermanAreHeldWhileHarmlessLookAlikesPass() {
    var held =
        Map.of(
            "I will kill you tomorrow, I know where you live", "en",
            "Ich bringe dich um, ich weiß wo du wohnst", "de");
    var cleared =
        Map.of(
            "This new album is absolutely killing it", "en",
            "Police say the attacker was arrested after killing two people", "en",
            "Das Konzert gestern hat mich umgehauen", "de");

    Map<PostId, String> expected = new HashMap<>();
    held.forEach((text, language) -> expected.put(publish(text, language), PostScreened.HELD));
    cleared.forEach(
        (text, language) -> expected.put(publish(text, language), PostScreened.CLEARED));

    var verdicts =
        KafkaTopicProbe.records(
            ModerationDecision.TOPIC,
            r -> expected.keySet().stream().anyMatch(id -> id.toString().equals(r.key())),
            expected.size(),
            Duration.ofSeconds(60));
    assertThat(verdicts).hasSize(expected.size());
    for (var record : verdicts) {
      var verdict = EventCodec.decode(PostScreened.class, record.value());
      assertThat(verdict.verdict())
          .as("verdict on %s", verdict.postId())
          .isEqualTo(expected.get(verdict.postId()));
      assertThat(KafkaTopicProbe.header(record, "ce_type")).isEqualTo(PostScreened.TYPE);
      assertThat(KafkaTopicProbe.header(record, "ce_actor")).isEqualTo("system:moderation-service");
      assertThat(verdict.scorer()).isNotBlank();
    }
  }

  @Test
  void aPostWhoseKeyNeverCameIsLeftUnscreenedWithoutHoldingUpTheOthers() {
    PostId keyless = PostId.newId(Instant.now());
    send(
        PostEvent.TOPIC,
        new PostPublished(
            keyless,
            new AccountId(UUID.randomUUID()),
            DataKey.generate().seal("sealed under a key nobody has", keyless.toString()),
            "en",
            null,
            "public",
            Instant.now(),
            null),
        keyless);
    var after = new java.util.ArrayList<PostId>();
    for (int i = 0; i < 6; i++) {
      after.add(publish("An ordinary afternoon, number " + i, "en"));
    }

    var verdicts =
        KafkaTopicProbe.records(
            ModerationDecision.TOPIC,
            r -> after.stream().anyMatch(id -> id.toString().equals(r.key())),
            after.size(),
            Duration.ofSeconds(60));
    assertThat(verdicts).hasSize(after.size());
    assertThat(
            KafkaTopicProbe.records(
                ModerationDecision.TOPIC,
                r -> keyless.toString().equals(r.key()),
                1,
                Duration.ofSeconds(3)))
        .isEmpty();
  }

  @Test
  void aPostAndItsEditAppendedBackToBackAreScreenedInLogOrder() {
    Instant now = Instant.now();
    PostId id = PostId.newId(now);
    DataKey key = DataKey.generate();
    sendKey(id, key);
    var author = new AccountId(UUID.randomUUID());
    send(
        PostEvent.TOPIC,
        new PostPublished(
            id,
            author,
            key.seal("A quiet walk by the river", id.toString()),
            "en",
            null,
            "public",
            now,
            null),
        id);
    send(
        PostEvent.TOPIC,
        new PostEdited(
            id,
            author,
            key.seal("I will kill you tomorrow, I know where you live", id.toString()),
            "en",
            now.plusSeconds(1)),
        id);

    var verdicts =
        KafkaTopicProbe.records(
            ModerationDecision.TOPIC,
            r -> id.toString().equals(r.key()),
            2,
            Duration.ofSeconds(60));
    assertThat(verdicts)
        .extracting(r -> EventCodec.decode(PostScreened.class, r.value()).verdict())
        .containsExactly(PostScreened.CLEARED, PostScreened.HELD);
  }

  private static void sendKey(PostId id, DataKey key) {
    var config = ConfigProvider.getConfig();
    var kek =
        KeyEncryptionKey.fromBase64(
            config.getValue("agora.content.kek-id", String.class),
            config.getValue("agora.content.kek", String.class));
    send(ContentKeyIssued.TOPIC, new ContentKeyIssued(id, kek.id(), kek.wrap(key)), id);
  }

  private static PostId publish(String text, String language) {
    Instant now = Instant.now();
    PostId id = PostId.newId(now);
    DataKey key = DataKey.generate();
    sendKey(id, key);
    send(
        PostEvent.TOPIC,
        new PostPublished(
            id,
            new AccountId(UUID.randomUUID()),
            key.seal(text, id.toString()),
            language,
            null,
            "public",
            now,
            null),
        id);
    return id;
  }

  private static void send(String topic, AgoraEvent event, PostId subject) {
    KafkaTopicProbe.sendEvent(topic, subject.toString(), event.type(), EventCodec.encode(event));
  }
}
