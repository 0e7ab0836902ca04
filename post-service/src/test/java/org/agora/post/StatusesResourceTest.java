package org.agora.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.agora.events.EventCodec;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostEvent;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing against the real Keycloak and Kafka of the test run. */
@QuarkusTest
class StatusesResourceTest {
  private static TestUser author;
  private static TestUser unverified;

  @BeforeAll
  static void users() {
    author = KeycloakTestRealm.verifiedUser("author");
    unverified = KeycloakTestRealm.unverifiedUser("unverified");
  }

  @Test
  void aVerifiedAuthorPublishesAndOnlyCiphertextReachesTheLog() {
    String marker = "marker-" + System.nanoTime();

    String id =
        given()
            .auth()
            .oauth2(author.accessToken())
            .contentType(ContentType.JSON)
            .body("{\"status\":\"Hello <Agora> " + marker + "\",\"language\":\"en\"}")
            .post("/api/v1/statuses")
            .then()
            .statusCode(200)
            .body("content", equalTo("<p>Hello &lt;Agora&gt; " + marker + "</p>"))
            .body("account.id", equalTo(author.id()))
            .body("account.username", equalTo(author.username()))
            .body("visibility", equalTo("public"))
            .body("language", equalTo("en"))
            .extract()
            .path("id");

    var events =
        KafkaTopicProbe.records(
            PostEvent.TOPIC, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(events).hasSize(1);
    var record = events.get(0);
    assertThat(KafkaTopicProbe.header(record, "ce_type")).isEqualTo(PostPublished.TYPE);
    assertThat(KafkaTopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(KafkaTopicProbe.header(record, "ce_subject")).isEqualTo(id);
    assertThat(KafkaTopicProbe.header(record, "ce_actor")).isEqualTo(author.id());
    assertThat(KafkaTopicProbe.header(record, "ce_id")).isNotBlank();
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(marker);

    var keys =
        KafkaTopicProbe.records(
            ContentKeyIssued.TOPIC, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(keys).hasSize(1);
    assertThat(new String(keys.get(0).value(), StandardCharsets.UTF_8)).doesNotContain(marker);
    var published = EventCodec.decode(PostPublished.class, record.value());
    var key = EventCodec.decode(ContentKeyIssued.class, keys.get(0).value());
    assertThat(kek().unwrap(key.kekId(), key.wrappedKey()).open(published.content(), id))
        .isEqualTo("Hello <Agora> " + marker);
  }

  @Test
  void formEncodedPostsAsMastodonAppsSendThem() {
    given()
        .auth()
        .oauth2(author.accessToken())
        .contentType(ContentType.URLENC)
        .formParam("status", "from a form")
        .formParam("visibility", "unlisted")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200)
        .body("content", equalTo("<p>from a form</p>"))
        .body("visibility", equalTo("unlisted"));
  }

  @Test
  void withoutATokenTheAnswerIs401AndNothingIsWritten() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"anonymous\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(401)
        .body("error", equalTo("The access token is invalid"));
    given()
        .auth()
        .oauth2("not.a.token")
        .contentType(ContentType.JSON)
        .body("{\"status\":\"forged\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(401)
        .body("error", equalTo("The access token is invalid"));
  }

  @Test
  void anUnverifiedEmailMayNotSpeak() {
    given()
        .auth()
        .oauth2(unverified.accessToken())
        .contentType(ContentType.JSON)
        .body("{\"status\":\"before verification\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(403)
        .body("error", equalTo("Your login is missing a confirmed e-mail address"));

    assertNothingWrittenBy(unverified);
  }

  @Test
  void badInputIsRefusedWithTheFieldAndTheLimitAndNothingIsWritten() {
    TestUser writer = KeycloakTestRealm.verifiedUser("badinput");
    String token = writer.accessToken();
    refuse(token, "{\"status\":\"\"}", 422, "status: can't be blank");
    refuse(token, "{}", 422, "status: can't be blank");
    refuse(
        token,
        "{\"status\":\"" + "x".repeat(501) + "\"}",
        422,
        "status: 501 characters, at most 500");
    refuse(
        token,
        "{\"status\":\"a\\u202Eb\"}",
        422,
        "status: bidirectional override U+202E at character 2 is not allowed");
    refuse(
        token,
        "{\"status\":\"ok\",\"visibility\":\"direct\"}",
        422,
        "visibility: 'direct' is not supported, use public or unlisted");
    refuse(
        token,
        "{\"status\":\"ok\",\"in_reply_to_id\":\"1\"}",
        422,
        "in_reply_to_id: not a status id");
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\": \"unterminated")
        .post("/api/v1/statuses")
        .then()
        .statusCode(400)
        .body("error", startsWith("Malformed JSON body"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\": [1, 2]}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(400)
        .body("error", equalTo("status: expected string value"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"" + "x".repeat(70_000) + "\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(413);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.TEXT)
        .body("plain text")
        .post("/api/v1/statuses")
        .then()
        .statusCode(415)
        .body("error", equalTo("Unsupported media type"));

    assertNothingWrittenBy(writer);
  }

  private static void refuse(String token, String body, int status, String message) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/statuses")
        .then()
        .statusCode(status)
        .body("error", equalTo(message));
  }

  private static void assertNothingWrittenBy(TestUser user) {
    var written =
        KafkaTopicProbe.records(
            PostEvent.TOPIC,
            r -> user.id().equals(KafkaTopicProbe.header(r, "ce_actor")),
            1,
            Duration.ofSeconds(3));
    assertThat(written).isEmpty();
  }

  private static KeyEncryptionKey kek() {
    var config = ConfigProvider.getConfig();
    return KeyEncryptionKey.fromBase64(
        config.getValue("agora.content.kek-id", String.class),
        config.getValue("agora.content.kek", String.class));
  }
}
