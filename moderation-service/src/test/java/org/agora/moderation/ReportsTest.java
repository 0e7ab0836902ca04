package org.agora.moderation;

import static io.restassured.RestAssured.given;
import static org.agora.moderation.Fixtures.as;
import static org.agora.moderation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.events.reports.ReportEvent;
import org.agora.events.reports.ReportFiled;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mastodon's report endpoint on the real Kafka, PostgreSQL and Keycloak. */
@QuarkusTest
class ReportsTest {
  private static TestUser moderator;

  @BeforeAll
  static void staff() {
    moderator = Fixtures.moderator();
  }

  @Test
  void aReportIsFiledWithItsCommentSealedAndAnsweredAsMastodonsReport() {
    TestUser reporter = Fixtures.user("rep");
    TestUser author = Fixtures.user("auth");
    PostId post = Fixtures.publish(author.id(), "some post");

    String id =
        json(reporter)
            .body(
                "{\"account_id\":\""
                    + author.id()
                    + "\",\"status_ids\":[\""
                    + post
                    + "\"],\"comment\":\"Ringo Starr, +49 555 1234\",\"category\":\"violence\"}")
            .post("/api/v1/reports")
            .then()
            .statusCode(200)
            .body("category", equalTo("legal"))
            .body("agora_category", equalTo("violence"))
            .body("action_taken", equalTo(false))
            .body("status_ids[0]", equalTo(post.toString()))
            .body("target_account.id", equalTo(author.id()))
            .body("comment", equalTo("Ringo Starr, +49 555 1234"))
            .extract()
            .path("id");

    var records = Fixtures.recordsWith(ReportEvent.TOPIC, id, 1);
    assertThat(records).hasSize(1);
    String bytes = new String(records.getFirst().value());
    // NOTE: words, not digits, as the marker: digits also turn up in ids.
    assertThat(bytes).doesNotContain("Ringo").doesNotContain("555 1234");
    assertThat(bytes).contains("\"comment\":{\"alg\":\"A256GCM\"");
    var filed = EventCodec.decode(ReportFiled.class, records.getFirst().value());
    assertThat(filed.reporterId().toString()).isEqualTo(reporter.id());
    assertThat(filed.category()).isEqualTo("violence");
  }

  @Test
  void aFormBodyWithMastodonsCategoryIsAccepted() {
    TestUser reporter = Fixtures.user("rep");
    TestUser author = Fixtures.user("auth");

    as(reporter)
        .contentType(ContentType.URLENC)
        .formParam("account_id", author.id())
        .formParam("category", "violation")
        .formParam("agora_category", "harassment")
        .formParam("rule_ids[]", "2")
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("category", equalTo("violation"))
        .body("agora_category", equalTo("harassment"))
        .body("rule_ids[0]", equalTo("2"));
  }

  @Test
  void reportingNeedsAVerifiedLogin() {
    String body = "{\"account_id\":\"" + Fixtures.randomId() + "\"}";
    given().contentType(ContentType.JSON).body(body).post("/api/v1/reports").then().statusCode(401);
    json(KeycloakTestRealm.unverifiedUser("unv"))
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(403)
        .body("error", containsString("e-mail"));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    TestUser reporter = Fixtures.user("bad");
    String other = Fixtures.randomId();
    assertRefused(reporter, "{\"category\":\"spam\"}", 422, "account_id");
    assertRefused(reporter, "{\"account_id\":\"" + reporter.id() + "\"}", 422, "yourself");
    assertRefused(reporter, "{\"account_id\":\"12345\"}", 422, "account_id");
    assertRefused(
        reporter,
        "{\"account_id\":\"" + other + "\",\"status_ids\":[\"not-an-id\"]}",
        422,
        "status_ids");
    assertRefused(
        reporter, "{\"account_id\":\"" + other + "\",\"category\":\"rudeness\"}", 422, "category");
    assertRefused(
        reporter,
        "{\"account_id\":\"" + other + "\",\"comment\":\"" + "x".repeat(1001) + "\"}",
        422,
        "at most 1000");
    // the queue shows the comment to a moderator: nothing in it may disguise what it says
    assertRefused(
        reporter,
        "{\"account_id\":\"" + other + "\",\"comment\":\"see \\u202Eerom\"}",
        422,
        "comment: bidirectional override U+202E at character 5 is not allowed");
    assertRefused(reporter, "{\"account_id\":", 400, "");
  }

  @Test
  void aReportOnAKnownPostOfSomeoneElseIsRefused() {
    TestUser reporter = Fixtures.user("rep");
    TestUser author = Fixtures.user("auth");
    PostId post = Fixtures.seenPost(moderator, author.id(), "a post");

    assertRefused(
        reporter,
        "{\"account_id\":\""
            + Fixtures.randomId()
            + "\",\"status_ids\":[\""
            + post
            + "\"],\"category\":\"spam\"}",
        422,
        "not by account_id");
  }

  @Test
  void duplicatesMergeIntoOneItemCountingEachReporterOnce() {
    TestUser first = Fixtures.user("dup");
    TestUser second = Fixtures.user("dup");
    TestUser author = Fixtures.user("auth");
    PostId post = Fixtures.publish(author.id(), "spam spam spam");
    String body =
        "{\"account_id\":\""
            + author.id()
            + "\",\"status_ids\":[\""
            + post
            + "\"],\"category\":\"spam\"}";

    String firstId =
        json(first).body(body).post("/api/v1/reports").then().statusCode(200).extract().path("id");
    json(first).body(body).post("/api/v1/reports").then().statusCode(200);
    String thirdId =
        json(second).body(body).post("/api/v1/reports").then().statusCode(200).extract().path("id");

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .get("/api/v1/admin/reports/" + thirdId)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(firstId))
                    .body("reporters", equalTo(2))
                    .body("report_ids.size()", equalTo(3))
                    .body("statuses_ids", org.hamcrest.Matchers.nullValue())
                    .body("status_ids[0]", equalTo(post.toString())));
  }

  /**
   * A queue item weighs its target's reach by the follows of identity.follows. The events are sent
   * in a burst, so they arrive in one poll and are applied together: a pair's last event decides.
   */
  @Test
  void theQueueCountsTheTargetsFollowersFromTheGraphLog() {
    TestUser author = Fixtures.user("reach");
    AccountId target = AccountId.parse(author.id());
    AccountId stays = new AccountId(UUID.randomUUID());
    AccountId leaves = new AccountId(UUID.randomUUID());
    AccountId returns = new AccountId(UUID.randomUUID());
    Instant t = Instant.now();
    follow(new AccountFollowed(stays, target, t), stays);
    follow(new AccountFollowed(leaves, target, t), leaves);
    follow(new AccountUnfollowed(leaves, target, t.plusSeconds(1)), leaves);
    follow(new AccountUnfollowed(returns, target, t), returns);
    follow(new AccountFollowed(returns, target, t.plusSeconds(1)), returns);
    follow(new AccountFollowed(stays, target, t), stays);

    String reportId =
        json(Fixtures.user("reachrep"))
            .body("{\"account_id\":\"" + target + "\",\"category\":\"spam\"}")
            .post("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .queryParam("account_id", target.toString())
                    .get("/api/agora/v1/moderation/queue")
                    .then()
                    .statusCode(200)
                    .body("[0].id", equalTo(reportId))
                    .body("[0].followers", equalTo(2)));
  }

  private static void follow(AgoraEvent event, AccountId follower) {
    Fixtures.send(RelationshipEvent.TOPIC, event, follower.toString());
  }

  @Test
  void theRateLimitPerReporterIsNamed() {
    TestUser reporter = Fixtures.user("rate");
    for (int i = 0; i < 5; i++) {
      json(reporter)
          .body("{\"account_id\":\"" + Fixtures.randomId() + "\",\"category\":\"spam\"}")
          .post("/api/v1/reports")
          .then()
          .statusCode(200);
    }
    json(reporter)
        .body("{\"account_id\":\"" + Fixtures.randomId() + "\",\"category\":\"spam\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(429)
        .body("error", containsString("at most 5 per hour"));
  }

  private static void assertRefused(TestUser user, String body, int status, String text) {
    json(user)
        .body(body)
        .post("/api/v1/reports")
        .then()
        .statusCode(status)
        .body("error", containsString(text));
  }
}
