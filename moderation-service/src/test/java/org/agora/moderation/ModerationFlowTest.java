package org.agora.moderation;

import static org.agora.moderation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.testing.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A report through the queue to a decision, a statement and an appeal, on the real stack. */
@QuarkusTest
class ModerationFlowTest {
  @Test
  void aReportMovesThroughTheQueueToADecisionAndAnAppeal() {
    TestUser moderator = Fixtures.moderator();
    TestUser other = Fixtures.otherModerator();
    TestUser author = Fixtures.user("author");
    TestUser reporter = Fixtures.user("reporter");
    PostId post =
        Fixtures.seenPost(moderator, author.id(), "Cheap watches, best prices, visit my shop now");

    String reportId =
        json(reporter)
            .body(
                "{\"account_id\":\""
                    + author.id()
                    + "\",\"status_ids\":[\""
                    + post
                    + "\"],\"category\":\"spam\",\"comment\":\"advertising\"}")
            .post("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    // the queue shows the item with the post opened in memory and the reporter's comment
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .queryParam("account_id", author.id())
                    .get("/api/agora/v1/moderation/queue")
                    .then()
                    .statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(reportId))
                    .body("[0].source", equalTo("report"))
                    .body("[0].post.text", equalTo("Cheap watches, best prices, visit my shop now"))
                    .body("[0].post.history", hasSize(1))
                    .body("[0].reports[0].comment", equalTo("advertising"))
                    .body("[0].deadline", notNullValue()));

    json(moderator)
        .post("/api/v1/admin/reports/" + reportId + "/assign_to_self")
        .then()
        .statusCode(200)
        .body("assigned_account.id", equalTo(moderator.id()));

    String decisionId =
        json(moderator)
            .body(
                "{\"action\":\"remove_post\",\"target\":\""
                    + post
                    + "\",\"reportIds\":[\""
                    + reportId
                    + "\"],\"category\":\"spam\",\"groundType\":\"incompatible_with_terms\","
                    + "\"policyClause\":\"terms.spam.advertising\","
                    + "\"facts\":\"Unsolicited advertising.\"}")
            .post("/api/agora/v1/moderation/decisions")
            .then()
            .statusCode(201)
            .body("type", equalTo(PostRemoved.TYPE))
            .body("affectedAccountId", equalTo(author.id()))
            .extract()
            .path("decisionId");

    var removed =
        EventCodec.decode(
            PostRemoved.class,
            Fixtures.recordsWith(ModerationDecision.TOPIC, decisionId, 1).getFirst().value());
    assertThat(removed.postId()).isEqualTo(post);
    assertThat(removed.reasons().actor()).isEqualTo("account:" + moderator.id());
    assertThat(removed.reasons().source()).isEqualTo(StatementOfReasons.SOURCE_REPORT);
    assertThat(removed.reasons().automatedDetection()).isFalse();
    assertThat(removed.reasons().reportIds()).containsExactly(UUID.fromString(reportId));
    assertThat(removed.reasons().redress()).contains("internal_appeal");

    // the item is resolved; the author reads the statement; nobody else does
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(author)
                    .get("/api/agora/v1/moderation/statements")
                    .then()
                    .statusCode(200)
                    .body("[0].decisionId", equalTo(decisionId))
                    .body("[0].policyClause", equalTo("terms.spam.advertising"))
                    .body("[0].facts", equalTo("Unsolicited advertising."))
                    .body("[0].appealUntil", notNullValue()));
    json(moderator)
        .get("/api/v1/admin/reports/" + reportId)
        .then()
        .body("action_taken", equalTo(true));
    json(reporter).get("/api/agora/v1/moderation/statements").then().body("", hasSize(0));
    json(reporter).get("/api/agora/v1/moderation/statements/" + decisionId).then().statusCode(404);

    // appeals: not by someone else, not decided by the same moderator
    json(reporter)
        .body("{\"decisionId\":\"" + decisionId + "\",\"text\":\"x\"}")
        .post("/api/agora/v1/moderation/appeals")
        .then()
        .statusCode(403);
    String appealId =
        json(author)
            .body("{\"decisionId\":\"" + decisionId + "\",\"text\":\"It was a joke.\"}")
            .post("/api/agora/v1/moderation/appeals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String decide = "{\"outcome\":\"reversed\",\"facts\":\"Hyperbole among friends.\"}";
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .body(decide)
                    .post("/api/agora/v1/moderation/appeals/" + appealId + "/decision")
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("another moderator")));
    json(author)
        .body("{\"decisionId\":\"" + decisionId + "\",\"text\":\"again\"}")
        .post("/api/agora/v1/moderation/appeals")
        .then()
        .statusCode(409);
    String restoredId =
        json(other)
            .body(decide)
            .post("/api/agora/v1/moderation/appeals/" + appealId + "/decision")
            .then()
            .statusCode(200)
            .body("outcome", equalTo("reversed"))
            .extract()
            .path("compensatingDecisionId");

    var restored =
        EventCodec.decode(
            PostRestored.class,
            Fixtures.recordsWith(ModerationDecision.TOPIC, restoredId, 1).getFirst().value());
    assertThat(restored.postId()).isEqualTo(post);
    assertThat(restored.reasons().actor()).isEqualTo("account:" + other.id());
    assertThat(restored.reasons().facts()).contains("Hyperbole");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(other)
                    .body(decide)
                    .post("/api/agora/v1/moderation/appeals/" + appealId + "/decision")
                    .then()
                    .statusCode(409));
  }

  @Test
  void aHeldPostEntersTheQueueAsAnAutomatedItem() {
    TestUser author = Fixtures.user("violent");
    PostId held = Fixtures.publish(author.id(), "I will kill you tomorrow, I know where you live");

    // NOTE: the first test after a boot: the gate may still be screening the log's backlog.
    Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .untilAsserted(
            () ->
                json(Fixtures.moderator())
                    .queryParam("account_id", author.id())
                    .get("/api/agora/v1/moderation/queue")
                    .then()
                    .statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].postId", equalTo(held.toString()))
                    .body("[0].source", equalTo("automated"))
                    .body("[0].category", equalTo("threats"))
                    .body("[0].post.text", containsString("kill you")));
  }

  @Test
  void mastodonsAccountActionSuspendsAndDecisionsNameTheirMissingFields() {
    TestUser moderator = Fixtures.moderator();
    TestUser target = Fixtures.user("susp");

    json(moderator)
        .body("{\"type\":\"suspend\",\"text\":\"Repeated threats.\"}")
        .post("/api/v1/admin/accounts/" + target.id() + "/action")
        .then()
        .statusCode(200);
    var records = Fixtures.recordsWith(ModerationDecision.TOPIC, target.id(), 1);
    var suspended = EventCodec.decode(AccountSuspensionDecided.class, records.getFirst().value());
    assertThat(suspended.accountId()).isEqualTo(AccountId.parse(target.id()));
    assertThat(suspended.until()).isNull();
    assertThat(suspended.reasons().facts()).isEqualTo("Repeated threats.");

    json(moderator)
        .body("{\"type\":\"silence\"}")
        .post("/api/v1/admin/accounts/" + target.id() + "/action")
        .then()
        .statusCode(422)
        .body("error", containsString("silence"));
    json(moderator)
        .body("{\"type\":\"none\"}")
        .post("/api/v1/admin/accounts/" + target.id() + "/action")
        .then()
        .statusCode(422)
        .body("error", containsString("report_id"));

    String base =
        "{\"action\":\"suspend_account\",\"target\":\""
            + target.id()
            + "\",\"category\":\"threats\",\"groundType\":\"incompatible_with_terms\"";
    for (var bad :
        List.of(
            List.of(base + ",\"policyClause\":\"c\"}", "facts"),
            List.of(base + ",\"facts\":\"f\"}", "policyClause"),
            List.of(
                base + ",\"policyClause\":\"c\",\"facts\":\"f\",\"until\":\"tomorrow\"}", "until"),
            List.of("{\"action\":\"remove_post\"}", "target"),
            List.of("{\"action\":", "")))
      json(moderator)
          .body(bad.get(0))
          .post("/api/agora/v1/moderation/decisions")
          .then()
          .statusCode(bad.get(1).isEmpty() ? 400 : 422)
          .body("detail", containsString(bad.get(1)));
    json(moderator)
        .body(
            "{\"action\":\"remove_post\",\"target\":\""
                + PostId.newId(Instant.now())
                + "\",\"category\":\"spam\",\"groundType\":\"incompatible_with_terms\","
                + "\"policyClause\":\"c\",\"facts\":\"f\"}")
        .post("/api/agora/v1/moderation/decisions")
        .then()
        .statusCode(404)
        .body("detail", containsString("target"));
  }
}
