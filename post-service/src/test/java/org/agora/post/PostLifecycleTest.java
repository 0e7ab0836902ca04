package org.agora.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEvent;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.kit.keys.KeyShredder;
import org.agora.post.messaging.PostLog;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Reading, editing and deleting posts, with who may do what, against the real servers. */
@QuarkusTest
class PostLifecycleTest {
  @Inject PostLog log;

  @Test
  void anAuthorEditsWithHistoryAndDeletesAndEveryCopyOfTheKeyIsTombstoned() {
    TestUser author = KeycloakTestRealm.verifiedUser("lifecycle");
    String token = author.accessToken();
    String id = publish(token, "first words");

    given()
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(200)
        .body("content", equalTo("<p>first words</p>"))
        .body("edited_at", nullValue());

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"second thoughts\"}")
        .put("/api/v1/statuses/" + id)
        .then()
        .statusCode(200)
        .body("content", equalTo("<p>second thoughts</p>"))
        .body("edited_at", notNullValue());
    given()
        .get("/api/v1/statuses/" + id + "/history")
        .then()
        .statusCode(200)
        .body("size()", equalTo(2))
        .body("[0].content", equalTo("<p>first words</p>"))
        .body("[1].content", equalTo("<p>second thoughts</p>"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/statuses/" + id + "/source")
        .then()
        .statusCode(200)
        .body("text", equalTo("second thoughts"));

    given()
        .auth()
        .oauth2(token)
        .delete("/api/v1/statuses/" + id)
        .then()
        .statusCode(200)
        .body("text", equalTo("second thoughts"));

    given()
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    given().get("/api/v1/statuses/" + id + "/history").then().statusCode(404);
    given().auth().oauth2(token).delete("/api/v1/statuses/" + id).then().statusCode(404);
    // The tombstone, and after agora.keys.roll-after (2 s here) its follow-up under the same key,
    // so the segment holding the first rolls even on a partition without other traffic.
    var tombstones = shredAndFollowUp(id);
    var deletions =
        KafkaTopicProbe.records(
            PostEvent.TOPIC,
            r ->
                id.equals(r.key()) && PostDeleted.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            1,
            Duration.ofSeconds(20));
    assertThat(deletions).hasSize(1);
    assertThat(tombstones.get(0).offset()).isNotNegative();
  }

  @Test
  void keysShreddedTogetherShareOneFollowUpAPartition() {
    String token = KeycloakTestRealm.verifiedUser("shredder").accessToken();
    // NOTE: seven keys, so at least two share a partition of a topic of up to six
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(publish(token, "short-lived " + i));
    }
    for (String id : ids) {
      given().auth().oauth2(token).delete("/api/v1/statuses/" + id).then().statusCode(200);
    }

    var tombstones =
        KafkaTopicProbe.records(
            ContentKeyIssued.TOPIC,
            r -> ids.contains(r.key()) && r.value() == null,
            2 * ids.size(),
            Duration.ofSeconds(8));

    assertThat(tombstones.stream().map(r -> r.key()).distinct())
        .containsExactlyInAnyOrderElementsOf(ids);
    var byPartition =
        tombstones.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.partition()));
    assertThat(byPartition.values())
        .anyMatch(list -> list.stream().map(r -> r.key()).distinct().count() >= 2);
    // the last write to each partition is the follow-up, under the key shredded there last
    byPartition.forEach(
        (partition, list) -> {
          String last = list.getLast().key();
          assertThat(list.stream().filter(r -> r.key().equals(last)))
              .as("tombstones of %s on partition %d", last, partition)
              .hasSize(2);
        });
    assertThat(tombstones).hasSizeLessThan(2 * ids.size());
  }

  @Test
  void aShredWhoseFollowUpAStopCutShortGetsItAtTheNextBoot() {
    // A shred's tombstone with no follow-up scheduled in this process, as after a stop.
    String id = UUID.randomUUID().toString();
    KafkaTopicProbe.send(ContentKeyIssued.TOPIC, id, null, Map.of());

    assertThat(log.resumeFollowUps().await().atMost(Duration.ofSeconds(40))).isPositive();

    shredAndFollowUp(id);
    // A partition whose last record is a follow-up needs nothing more.
    log.resumeFollowUps().await().atMost(Duration.ofSeconds(40));
    assertThat(tombstonesOf(id, 3, Duration.ofSeconds(5))).hasSize(2);
  }

  @Test
  void aShredWithANewKeyAfterItOnItsPartitionStillGetsItsFollowUpAtTheNextBoot() {
    String shredded = UUID.randomUUID().toString();
    KafkaTopicProbe.send(ContentKeyIssued.TOPIC, shredded, null, Map.of());
    int partition = tombstonesOf(shredded, 1, Duration.ofSeconds(10)).get(0).partition();
    // Another post's key on the same partition after the shred, then a stop: the partition no
    // longer ends in the shred.
    KafkaTopicProbe.send(
        ContentKeyIssued.TOPIC,
        partition,
        UUID.randomUUID().toString(),
        "a later post's key".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of());

    assertThat(log.resumeFollowUps().await().atMost(Duration.ofSeconds(40))).isPositive();
    shredAndFollowUp(shredded);
  }

  @Test
  void aShredOlderThanTheRollDelayGetsItsFollowUpAtOnceAtTheNextBoot() throws InterruptedException {
    // A stop longer than agora.keys.roll-after (2 s here): the follow-up is overdue at the boot.
    // It used to fail the whole resume (a delay of zero, which Mutiny refuses).
    String id = UUID.randomUUID().toString();
    KafkaTopicProbe.send(ContentKeyIssued.TOPIC, id, null, Map.of());
    Thread.sleep(3_000);

    assertThat(log.resumeFollowUps().await().atMost(Duration.ofSeconds(40))).isPositive();
    shredAndFollowUp(id);
  }

  @Test
  void aShredWithThousandsOfKeysAfterItOnItsPartitionStillGetsItsFollowUpAtTheNextBoot() {
    String shredded = UUID.randomUUID().toString();
    KafkaTopicProbe.send(ContentKeyIssued.TOPIC, shredded, null, Map.of());
    int partition = tombstonesOf(shredded, 1, Duration.ofSeconds(10)).get(0).partition();
    // A burst of keys after the shred on its partition, more than the fixed tail of 5,000 records
    // that a boot used to read (all within one segment.ms, so the shred's segment has not rolled),
    // then a stop.
    Map<String, byte[]> burst = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 6_000; i++) {
      burst.put(
          UUID.randomUUID().toString(),
          "a later post's key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    KafkaTopicProbe.sendAll(ContentKeyIssued.TOPIC, partition, burst);

    assertThat(log.resumeFollowUps().await().atMost(Duration.ofSeconds(40))).isPositive();
    shredAndFollowUp(shredded);
  }

  /**
   * The key's two tombstones: the shred, and {@code agora.keys.roll-after} (2 s here) later on the
   * same partition its follow-up, which alone carries the follow-up header.
   */
  private static List<ConsumerRecord<String, byte[]>> shredAndFollowUp(String id) {
    var tombstones = tombstonesOf(id, 2, Duration.ofSeconds(20));
    assertThat(tombstones).hasSize(2);
    assertThat(tombstones.get(1).partition()).isEqualTo(tombstones.get(0).partition());
    assertThat(tombstones.get(1).timestamp() - tombstones.get(0).timestamp())
        .isGreaterThanOrEqualTo(2_000);
    assertThat(KafkaTopicProbe.header(tombstones.get(0), KeyShredder.FOLLOW_UP_HEADER)).isNull();
    assertThat(KafkaTopicProbe.header(tombstones.get(1), KeyShredder.FOLLOW_UP_HEADER))
        .isEqualTo("1");
    return tombstones;
  }

  private static List<ConsumerRecord<String, byte[]>> tombstonesOf(
      String id, int expected, Duration wait) {
    return KafkaTopicProbe.records(
        ContentKeyIssued.TOPIC, r -> id.equals(r.key()) && r.value() == null, expected, wait);
  }

  @Test
  void nobodyButTheAuthorMayEditOrDeleteAndNothingChanges() {
    String authorToken = KeycloakTestRealm.verifiedUser("owner").accessToken();
    String otherToken = KeycloakTestRealm.verifiedUser("stranger").accessToken();
    String moderatorToken = KeycloakTestRealm.verifiedUser("staff", "moderator").accessToken();
    String id = publish(authorToken, "mine alone");

    for (String token : new String[] {otherToken, moderatorToken}) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body("{\"status\":\"hijacked\"}")
          .put("/api/v1/statuses/" + id)
          .then()
          .statusCode(404)
          .body("error", equalTo("Record not found"));
      given().auth().oauth2(token).delete("/api/v1/statuses/" + id).then().statusCode(404);
      given().auth().oauth2(token).get("/api/v1/statuses/" + id + "/source").then().statusCode(404);
    }
    given()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"anonymous\"}")
        .put("/api/v1/statuses/" + id)
        .then()
        .statusCode(401);
    given().delete("/api/v1/statuses/" + id).then().statusCode(401);

    given()
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(200)
        .body("content", equalTo("<p>mine alone</p>"))
        .body("edited_at", nullValue());
    given().get("/api/v1/statuses/" + id + "/history").then().body("size()", equalTo(1));
  }

  @Test
  void badInputOnReadEditAndDeleteIsAnsweredWithTheField() {
    String token = KeycloakTestRealm.verifiedUser("editor").accessToken();
    String id = publish(token, "to be edited badly");

    given().get("/api/v1/statuses/not-a-uuid").then().statusCode(404);
    given().get("/api/v1/statuses/" + UUID.randomUUID()).then().statusCode(404);
    edit(token, id, "{\"status\":\"\"}")
        .then()
        .statusCode(422)
        .body("error", equalTo("status: can't be blank"));
    edit(token, id, "{\"status\":\"" + "y".repeat(501) + "\"}")
        .then()
        .statusCode(422)
        .body("error", equalTo("status: 501 characters, at most 500"));
    edit(token, id, "{\"status\":\"ok\",\"language\":\"klingon\"}")
        .then()
        .statusCode(422)
        .body("error", equalTo("language: must be an ISO 639 code of 2 or 3 letters"));
    edit(token, id, "{\"status\":\"ok\",\"media_ids\":[\"" + UUID.randomUUID() + "\"]}")
        .then()
        .statusCode(422)
        .body("error", equalTo("media_ids: attachments cannot be changed by an edit"));
    edit(token, id, "{\"status\":").then().statusCode(400);
    given()
        .get("/api/v1/statuses/" + id)
        .then()
        .body("content", equalTo("<p>to be edited badly</p>"));
    given().get("/api/v1/statuses/" + id + "/history").then().body("size()", equalTo(1));
  }

  @Test
  void theRateLimitRefusesPostsBeyondTheWindowWithTheLimitNamed() {
    String token = KeycloakTestRealm.verifiedUser("chatty").accessToken();
    for (int i = 0; i < 8; i++) {
      publish(token, "post " + i);
    }
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"one too many\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(429)
        .body("error", equalTo("Too many requests: at most 8 posts in 3 hours"));
  }

  @Test
  void aSuspendedAccountMayNotPostUntilReinstated() {
    TestUser user = KeycloakTestRealm.verifiedUser("suspended");
    String token = user.accessToken();
    AccountId account = AccountId.parse(user.id());

    // NOTE: the waits probe with uploads, which check suspension too but take no post slot, so
    // probing never runs into the rate limit.
    send(new AccountSuspended(account, UUID.randomUUID(), null, Instant.now()), account);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> upload(token).then().statusCode(403));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"hello?\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(403)
        .body("error", equalTo("Your account is suspended"));

    send(new AccountReinstated(account, UUID.randomUUID(), Instant.now()), account);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> upload(token).then().statusCode(200));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"back\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200);

    send(
        new AccountSuspended(
            account,
            UUID.randomUUID(),
            Instant.now().minusSeconds(1),
            Instant.now().minusSeconds(60)),
        account);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"expired\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200);
  }

  @Test
  void anAccountWaitingForApprovalMayReadButNotPostUntilApproved() {
    TestUser user = KeycloakTestRealm.verifiedUser("pending");
    String token = user.accessToken();
    AccountId account = AccountId.parse(user.id());

    send(
        new AccountRegistered(
            account, user.username(), AccountRegistered.PENDING_APPROVAL, Instant.now()),
        account);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> upload(token).then().statusCode(403));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"let me in\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(403)
        .body("error", equalTo("Your account is waiting for a moderator's approval"));

    send(new AccountApproved(account, new AccountId(UUID.randomUUID()), Instant.now()), account);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> upload(token).then().statusCode(200));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"approved\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200);
  }

  @Test
  void aPostAModeratorLabelledIsServedAsSensitive() {
    TestUser author = KeycloakTestRealm.verifiedUser("labelled");
    String id = publish(author.accessToken(), "graphic but lawful");
    PostId post = PostId.parse(id);
    given().get("/api/v1/statuses/" + id).then().statusCode(200).body("sensitive", equalTo(false));

    var reasons =
        new StatementOfReasons(
            "account:" + UUID.randomUUID(),
            "violence",
            StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
            "community.graphic-content",
            null,
            "Graphic injury photo without a warning.",
            StatementOfReasons.SOURCE_MODERATOR,
            false,
            false,
            StatementOfReasons.FULL_REDRESS,
            null);
    send(
        ModerationDecision.TOPIC,
        new PostLabeled(UUID.randomUUID(), post, reasons, Instant.now()),
        post);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(200)
                    .body("sensitive", equalTo(true))
                    .body("content", equalTo("<p>graphic but lawful</p>")));
  }

  private static io.restassured.response.Response upload(String token) {
    return given()
        .auth()
        .oauth2(token)
        .multiPart("file", "probe.png", org.agora.post.media.GpsTaggedUploads.png(), "image/png")
        .post("/api/v2/media");
  }

  @Test
  void blocksHidePostsBetweenTheTwoAccountsInBothDirections() {
    TestUser author = KeycloakTestRealm.verifiedUser("blocker");
    TestUser reader = KeycloakTestRealm.verifiedUser("blocked");
    String id = publish(author.accessToken(), "not for you");
    AccountId authorId = AccountId.parse(author.id());
    AccountId readerId = AccountId.parse(reader.id());
    given()
        .auth()
        .oauth2(reader.accessToken())
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(200);

    send(RelationshipEvent.TOPIC, new AccountBlocked(authorId, readerId, Instant.now()), authorId);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(reader.accessToken())
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(404));
    given()
        .auth()
        .oauth2(reader.accessToken())
        .get("/api/v1/statuses/" + id + "/history")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(author.accessToken())
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(200);

    String readersPost = publish(reader.accessToken(), "the blocked one speaks");
    given()
        .auth()
        .oauth2(author.accessToken())
        .get("/api/v1/statuses/" + readersPost)
        .then()
        .statusCode(404);

    send(
        RelationshipEvent.TOPIC, new AccountUnblocked(authorId, readerId, Instant.now()), authorId);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(reader.accessToken())
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(200));
    given()
        .auth()
        .oauth2("forged.token.value")
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(401);
  }

  @Test
  void blocksAmongABurstOfFollowsApplyInLogOrder() {
    TestUser author = KeycloakTestRealm.verifiedUser("burst-blocker");
    TestUser reader = KeycloakTestRealm.verifiedUser("burst-blocked");
    TestUser marker = KeycloakTestRealm.verifiedUser("burst-marker");
    String id = publish(author.accessToken(), "seen until the last word");
    AccountId authorId = AccountId.parse(author.id());
    AccountId readerId = AccountId.parse(reader.id());
    given()
        .auth()
        .oauth2(reader.accessToken())
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(200);

    // All keyed by the author, so on one partition and in this order; the follows are skipped.
    followsOf(authorId, 20);
    send(RelationshipEvent.TOPIC, new AccountBlocked(authorId, readerId, Instant.now()), authorId);
    followsOf(authorId, 20);
    send(
        RelationshipEvent.TOPIC, new AccountUnblocked(authorId, readerId, Instant.now()), authorId);
    send(RelationshipEvent.TOPIC, new AccountBlocked(authorId, readerId, Instant.now()), authorId);
    followsOf(authorId, 20);
    // Once the marker's block is applied, everything before it on the partition is.
    send(
        RelationshipEvent.TOPIC,
        new AccountBlocked(authorId, AccountId.parse(marker.id()), Instant.now()),
        authorId);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(marker.accessToken())
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(404));

    given()
        .auth()
        .oauth2(reader.accessToken())
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(404);
  }

  private static void followsOf(AccountId followed, int count) {
    for (int i = 0; i < count; i++) {
      send(
          RelationshipEvent.TOPIC,
          new org.agora.events.relationships.AccountFollowed(
              new AccountId(UUID.randomUUID()), followed, Instant.now()),
          followed);
    }
  }

  @Test
  void aModerationRemovalTakesThePostOffTheReadPathUntilRestored() {
    String token = KeycloakTestRealm.verifiedUser("moderated").accessToken();
    String id = publish(token, "borderline");
    PostId post = PostId.parse(id);

    send(
        ModerationDecision.TOPIC,
        new PostRemoved(UUID.randomUUID(), post, "violence", Instant.now()),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> given().get("/api/v1/statuses/" + id).then().statusCode(404));
    given().get("/api/v1/statuses/" + id + "/history").then().statusCode(404);
    given().auth().oauth2(token).get("/api/v1/statuses/" + id).then().statusCode(404);

    send(ModerationDecision.TOPIC, new PostRestored(UUID.randomUUID(), post, Instant.now()), post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(200)
                    .body("content", equalTo("<p>borderline</p>")));
  }

  @Test
  void aModeratorsRestorationReleasesAHeldPostAndAnUnlabelLiftsTheWarning() {
    TestUser author = KeycloakTestRealm.verifiedUser("released");
    String id = publish(author.accessToken(), "reviewed and fine");
    PostId post = PostId.parse(id);
    send(
        ModerationDecision.TOPIC,
        new PostScreened(
            UUID.randomUUID(),
            post,
            PostScreened.HELD,
            0.7,
            java.util.List.of("threat"),
            "test",
            Instant.now(),
            Instant.now()),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> given().get("/api/v1/statuses/" + id).then().statusCode(404));

    var reasons =
        new StatementOfReasons(
            "account:" + UUID.randomUUID(),
            "threats",
            StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
            "community.threats",
            null,
            "Reviewed: a song lyric, not a threat.",
            StatementOfReasons.SOURCE_AUTOMATED,
            true,
            false,
            StatementOfReasons.FULL_REDRESS,
            null);
    send(
        ModerationDecision.TOPIC,
        new PostRestored(UUID.randomUUID(), post, Instant.now(), reasons),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> given().get("/api/v1/statuses/" + id).then().statusCode(200));

    send(
        ModerationDecision.TOPIC,
        new PostLabeled(UUID.randomUUID(), post, reasons, Instant.now()),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(200)
                    .body("sensitive", equalTo(true)));
    send(
        ModerationDecision.TOPIC,
        new PostUnlabeled(UUID.randomUUID(), post, reasons, Instant.now()),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/statuses/" + id)
                    .then()
                    .statusCode(200)
                    .body("sensitive", equalTo(false)));
  }

  @Test
  void aPostHeldByScreeningIsShownToItsAuthorOnly() {
    TestUser author = KeycloakTestRealm.verifiedUser("held_author");
    String id = publish(author.accessToken(), "borderline words");
    PostId post = PostId.parse(id);

    send(
        ModerationDecision.TOPIC,
        new PostScreened(
            UUID.randomUUID(),
            post,
            PostScreened.HELD,
            0.9,
            java.util.List.of("threat"),
            "test",
            Instant.now(),
            Instant.now()),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> given().get("/api/v1/statuses/" + id).then().statusCode(404));
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("passerby").accessToken())
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(author.accessToken())
        .get("/api/v1/statuses/" + id)
        .then()
        .statusCode(200);

    send(
        ModerationDecision.TOPIC,
        new PostScreened(
            UUID.randomUUID(),
            post,
            PostScreened.CLEARED,
            0.1,
            java.util.List.of(),
            "test",
            Instant.now(),
            Instant.now()),
        post);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> given().get("/api/v1/statuses/" + id).then().statusCode(200));
  }

  @Test
  void anErasedAccountsPostsAreShreddedEverywhere() {
    TestUser leaving = KeycloakTestRealm.verifiedUser("leaving");
    String token = leaving.accessToken();
    String first = publish(token, "first of mine");
    String second = publish(token, "second of mine");
    String otherAuthors = publish(KeycloakTestRealm.verifiedUser("staying").accessToken(), "mine");
    AccountId account = AccountId.parse(leaving.id());

    send(AccountEvent.TOPIC, new AccountErased(account, Instant.now()), account);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              given().get("/api/v1/statuses/" + first).then().statusCode(404);
              given().get("/api/v1/statuses/" + second).then().statusCode(404);
            });
    given().get("/api/v1/statuses/" + otherAuthors).then().statusCode(200);
    for (String id : new String[] {first, second}) {
      assertThat(
              KafkaTopicProbe.records(
                  ContentKeyIssued.TOPIC,
                  r -> id.equals(r.key()) && r.value() == null,
                  1,
                  Duration.ofSeconds(20)))
          // NOTE: at least one: every running post-service instance shreds, idempotently.
          .isNotEmpty();
    }
  }

  private static void send(String topic, AgoraEvent event, Object key) {
    KafkaTopicProbe.sendEvent(topic, key.toString(), event.type(), EventCodec.encode(event));
  }

  private static void send(AgoraEvent event, AccountId account) {
    send(AccountEvent.TOPIC, event, account);
  }

  private static String publish(String token, String text) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"" + text + "\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  private static io.restassured.response.Response edit(String token, String id, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/statuses/" + id);
  }
}
