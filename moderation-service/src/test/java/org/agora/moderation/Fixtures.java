package org.agora.moderation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostEvent;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Posts, users and log probes shared by the moderation tests; each test makes its own data. */
final class Fixtures {
  private Fixtures() {}

  private static TestUser moderator;
  private static TestUser otherModerator;
  private static TestUser admin;

  /** Staff with a second factor, made once per test run (a TOTP enrolment is slow). */
  static synchronized TestUser moderator() {
    if (moderator == null) {
      moderator = KeycloakTestRealm.staffUser("mod", "moderator");
    }
    return moderator;
  }

  static synchronized TestUser otherModerator() {
    if (otherModerator == null) {
      otherModerator = KeycloakTestRealm.staffUser("mod2", "moderator");
    }
    return otherModerator;
  }

  static synchronized TestUser admin() {
    if (admin == null) {
      admin = KeycloakTestRealm.staffUser("adm", "admin");
    }
    return admin;
  }

  /** Publishes a post by {@code author} as post-service would: key first, then the event. */
  static PostId publish(String author, String text) {
    Instant now = Instant.now();
    PostId id = PostId.newId(now);
    DataKey key = DataKey.generate();
    var config = ConfigProvider.getConfig();
    var kek =
        KeyEncryptionKey.fromBase64(
            config.getValue("agora.content.kek-id", String.class),
            config.getValue("agora.content.kek", String.class));
    send(ContentKeyIssued.TOPIC, new ContentKeyIssued(id, kek.id(), kek.wrap(key)), id.toString());
    send(
        PostEvent.TOPIC,
        new PostPublished(
            id,
            AccountId.parse(author),
            key.seal(text, id.toString()),
            "en",
            null,
            "public",
            now,
            null),
        id.toString());
    return id;
  }

  static void send(String topic, AgoraEvent event, String subject) {
    KafkaTopicProbe.sendEvent(topic, subject, event.type(), EventCodec.encode(event));
  }

  private static final java.util.Map<String, java.util.Map.Entry<String, Instant>> TOKENS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A request as {@code user}; tokens are reused for a minute, so polling logs in once. */
  static RequestSpecification as(TestUser user) {
    var cached = TOKENS.get(user.username());
    if (cached == null || Instant.now().isAfter(cached.getValue())) {
      cached = java.util.Map.entry(user.accessToken(), Instant.now().plusSeconds(60));
      TOKENS.put(user.username(), cached);
    }
    return given().auth().oauth2(cached.getKey());
  }

  static RequestSpecification json(TestUser user) {
    return as(user).contentType(ContentType.JSON);
  }

  static TestUser user(String prefix) {
    return KeycloakTestRealm.verifiedUser(prefix);
  }

  /** Records on {@code topic} whose value contains {@code marker}, read from the beginning. */
  static List<ConsumerRecord<String, byte[]>> recordsWith(
      String topic, String marker, int expected) {
    Predicate<ConsumerRecord<String, byte[]>> match =
        r -> r.value() != null && new String(r.value()).contains(marker);
    return KafkaTopicProbe.records(topic, match, expected, Duration.ofSeconds(60));
  }

  static String randomId() {
    return UUID.randomUUID().toString();
  }

  /** A post to report that the moderation projection has seen (so its author is known). */
  static PostId seenPost(TestUser moderator, String author, String text) {
    PostId post = publish(author, text);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                json(moderator)
                        .body(
                            "{\"action\":\"label_sensitive\",\"target\":\""
                                + post
                                + "\",\"reportIds\":[\""
                                + randomId()
                                + "\"],\"category\":\"spam\",\"groundType\":"
                                + "\"incompatible_with_terms\",\"policyClause\":\"x\","
                                + "\"facts\":\"probe\"}")
                        .post("/api/agora/v1/moderation/decisions")
                        .statusCode()
                    == 422);
    return post;
  }
}
