package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The profile timeline, projected from the real Kafka into the real PostgreSQL. */
@QuarkusTest
class AccountStatusesResourceTest {
  private static String token;

  @BeforeAll
  static void reader() {
    token = KeycloakTestRealm.verifiedUser("reader").accessToken();
  }

  @Test
  void aPublishedPostBecomesVisibleOpenedInMemory() {
    AccountId author = new AccountId(UUID.randomUUID());
    var event = PostFeed.publish(author, "Guten Morgen <b>", Instant.now());

    List<String> contents = awaitStatuses(author, 1).getList("content");
    assertThat(contents).containsExactly("<p>Guten Morgen &lt;b&gt;</p>");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + author + "/statuses")
        .then()
        .body("[0].id", equalTo(event.postId().toString()))
        .body("[0].account.id", equalTo(author.toString()))
        .body("[0].visibility", equalTo("public"))
        .body("[0].language", equalTo("en"));
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    AccountId author = new AccountId(UUID.randomUUID());
    PostPublished event = PostFeed.publish(author, "once", Instant.now());
    UUID eventId = UUID.randomUUID();
    PostFeed.send(PostFeed.topic("posts"), event, event.postId(), eventId);
    PostFeed.send(PostFeed.topic("posts"), event, event.postId(), eventId);
    PostPublished marker = PostFeed.publish(author, "after the duplicates", Instant.now());

    JsonPath page = awaitStatuses(author, 2);
    assertThat(page.getList("id"))
        .containsExactly(marker.postId().toString(), event.postId().toString());
  }

  @Test
  void unreadableRecordsAreSkippedWithoutStoppingTheProjection() {
    AccountId author = new AccountId(UUID.randomUUID());
    PostId bogus = PostId.newId(Instant.now());
    KafkaTopicProbe.sendEvent(
        PostFeed.topic("posts"),
        bogus.toString(),
        PostPublished.TYPE,
        "{\"postId\":".getBytes(StandardCharsets.UTF_8));
    KafkaTopicProbe.sendEvent(
        PostFeed.topic("posts"),
        bogus.toString(),
        "agora.post.from-the-future.v9",
        "{}".getBytes(StandardCharsets.UTF_8));
    var event = PostFeed.publish(author, "still flowing", Instant.now());

    assertThat(awaitStatuses(author, 1).getList("id")).containsExactly(event.postId().toString());
  }

  @Test
  void pagesWithMaxSinceAndMinIdAndLinkHeaders() {
    AccountId author = new AccountId(UUID.randomUUID());
    Instant start = Instant.now().minusSeconds(60);
    var p1 = PostFeed.publish(author, "one", start);
    var p2 = PostFeed.publish(author, "two", start.plusSeconds(1));
    var p3 = PostFeed.publish(author, "three", start.plusSeconds(2));
    awaitStatuses(author, 3);
    String base = "/api/v1/accounts/" + author + "/statuses";

    var first = given().auth().oauth2(token).queryParam("limit", 2).get(base);
    assertThat(first.jsonPath().getList("id"))
        .containsExactly(p3.postId().toString(), p2.postId().toString());
    assertThat(first.header("Link"))
        .contains("max_id=" + p2.postId() + ">; rel=\"next\"")
        .contains("min_id=" + p3.postId() + ">; rel=\"prev\"");

    assertThat(
            ids(
                given()
                    .auth()
                    .oauth2(token)
                    .queryParam("max_id", p2.postId().toString())
                    .get(base)
                    .jsonPath()))
        .containsExactly(p1.postId().toString());
    assertThat(
            ids(
                given()
                    .auth()
                    .oauth2(token)
                    .queryParam("since_id", p1.postId().toString())
                    .get(base)
                    .jsonPath()))
        .containsExactly(p3.postId().toString(), p2.postId().toString());
    assertThat(
            ids(
                given()
                    .auth()
                    .oauth2(token)
                    .queryParam("min_id", p1.postId().toString())
                    .queryParam("limit", 1)
                    .get(base)
                    .jsonPath()))
        .containsExactly(p2.postId().toString());
    assertThat(ids(given().auth().oauth2(token).queryParam("limit", 400).get(base).jsonPath()))
        .hasSize(3);
  }

  @Test
  void aShreddedKeyTakesThePostOffTheTimeline() {
    AccountId author = new AccountId(UUID.randomUUID());
    var kept = PostFeed.publish(author, "kept", Instant.now().minusSeconds(1));
    var shredded = PostFeed.publish(author, "shredded", Instant.now());
    awaitStatuses(author, 2);

    PostFeed.shred(shredded.postId());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(ids(statuses(author))).containsExactly(kept.postId().toString()));
  }

  @Test
  void anEditReplacesTheTextAndADeletionRemovesThePost() {
    AccountId author = new AccountId(UUID.randomUUID());
    var kept = PostFeed.publish(author, "kept", Instant.now().minusSeconds(1));
    var changing = PostFeed.publish(author, "before", Instant.now());
    awaitStatuses(author, 2);

    PostFeed.edit(changing, "after");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(statuses(author).getList("content", String.class))
                    .containsExactly("<p>after</p>", "<p>kept</p>"));

    PostFeed.delete(changing);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(ids(statuses(author))).containsExactly(kept.postId().toString()));
  }

  @Test
  void onlyPostsThatScreeningClearedAppearAndARemovalTakesThemOff() {
    AccountId author = new AccountId(UUID.randomUUID());
    var held = PostFeed.publishUnscreened(author, "held for review", Instant.now().minusSeconds(3));
    PostFeed.screen(held, PostScreened.HELD);
    var waiting =
        PostFeed.publishUnscreened(author, "not screened yet", Instant.now().minusSeconds(2));
    var cleared = PostFeed.publish(author, "cleared", Instant.now().minusSeconds(1));
    var marker = PostFeed.publish(author, "marker", Instant.now());
    awaitStatuses(author, 2);
    assertThat(ids(statuses(author)))
        .containsExactly(marker.postId().toString(), cleared.postId().toString())
        .doesNotContain(held.postId().toString(), waiting.postId().toString());

    PostFeed.decide(
        new PostRemoved(UUID.randomUUID(), cleared.postId(), "violence", Instant.now()),
        cleared.postId());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(ids(statuses(author))).containsExactly(marker.postId().toString()));

    PostFeed.decide(
        new PostRestored(UUID.randomUUID(), cleared.postId(), Instant.now()), cleared.postId());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(ids(statuses(author))).hasSize(2));
  }

  @Test
  void aBatchOfThousandsOfAccountEventsIsAppliedInOneGo() {
    var props = new java.util.Properties();
    props.put("bootstrap.servers", org.agora.testing.TestStack.kafkaBootstrap());
    props.put("linger.ms", "50");
    List<AccountId> accounts = new java.util.ArrayList<>();
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(
            props,
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < 3000; i++) {
        AccountId account = new AccountId(UUID.randomUUID());
        accounts.add(account);
        var event =
            new org.agora.events.accounts.AccountRegistered(
                account, "many_" + i, "active", Instant.now());
        var record =
            new org.apache.kafka.clients.producer.ProducerRecord<>(
                PostFeed.topic("accounts"),
                account.toString(),
                org.agora.events.EventCodec.encode(event));
        record.headers().add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        record
            .headers()
            .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
    }
    AccountId last = accounts.get(accounts.size() - 1);
    PostFeed.publish(last, "from the last of many", Instant.now());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(statuses(last).getString("[0].account.username"))
                    .isEqualTo("many_2999"));
  }

  @Test
  void badInputIsAnsweredWithTheField() {
    String base = "/api/v1/accounts/" + UUID.randomUUID() + "/statuses";
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/42/statuses")
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    given()
        .auth()
        .oauth2(token)
        .queryParam("max_id", "abc")
        .get(base)
        .then()
        .statusCode(400)
        .body("error", equalTo("max_id: not a status id"));
    given()
        .auth()
        .oauth2(token)
        .queryParam("since_id", "1")
        .get(base)
        .then()
        .statusCode(400)
        .body("error", equalTo("since_id: not a status id"));
    given()
        .auth()
        .oauth2(token)
        .queryParam("limit", "many")
        .get(base)
        .then()
        .statusCode(400)
        .body("error", equalTo("limit: must be a whole number from 1 to 40"));
    given()
        .auth()
        .oauth2(token)
        .queryParam("limit", "-1")
        .get(base)
        .then()
        .statusCode(400)
        .body("error", containsString("limit"));
    given().get(base).then().statusCode(401).body("error", equalTo("The access token is invalid"));
    given()
        .auth()
        .oauth2(token)
        .get(base)
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
  }

  private static JsonPath awaitStatuses(AccountId author, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        // NOTE: until the author's account is projected the profile is a 404; keep asking.
        .untilAsserted(
            () -> assertThat(statuses(author).getList("id")).hasSizeGreaterThanOrEqualTo(count));
    return statuses(author);
  }

  private static JsonPath statuses(AccountId author) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + author + "/statuses")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> ids(JsonPath page) {
    return page.getList("id");
  }
}
