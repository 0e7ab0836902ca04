package org.agora.moderation;

import static io.restassured.RestAssured.given;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.agora.events.AccountId;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.moderation.EvidenceAccessed;
import org.agora.events.moderation.EvidenceDestroyed;
import org.agora.events.moderation.EvidenceEscrowed;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.ReportDismissed;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.reports.ReportEvent;
import org.agora.events.reports.ReportFiled;
import org.agora.testing.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Transparency from the log, evidence escrow, the appeal period and bulk actions. */
@QuarkusTest
class ModerationRecordsTest {
  private static StatementOfReasons reasons(String category, String source, List<UUID> reports) {
    return new StatementOfReasons(
        "account:" + UUID.randomUUID(),
        category,
        StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
        "terms." + category,
        null,
        "facts",
        source,
        StatementOfReasons.SOURCE_AUTOMATED.equals(source),
        false,
        StatementOfReasons.FULL_REDRESS,
        reports);
  }

  @Test
  void transparencyFiguresMatchTheEventsOnTheLog() {
    // a window of its own, far from every other test's events
    Instant t =
        Instant.parse("2100-01-01T00:00:00Z")
            .plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(1, 500_000)));
    var account = new AccountId(UUID.randomUUID());
    PostId held = PostId.newId(t);
    PostId reported = PostId.newId(t);
    PostId labeled = PostId.newId(t);
    UUID report = UUID.randomUUID();
    Fixtures.send(
        ModerationDecision.TOPIC,
        new PostScreened(
            UUID.randomUUID(), held, "held", 0.9, List.of("threat"), "v1", t, t.plusMillis(200)),
        held.toString());
    Fixtures.send(
        ReportEvent.TOPIC,
        new ReportFiled(
            report,
            account,
            account,
            List.of(reported),
            "spam",
            null,
            false,
            null,
            t.plusSeconds(1)),
        report.toString());
    Fixtures.send(
        ModerationDecision.TOPIC,
        new PostRemoved(
            UUID.randomUUID(),
            held,
            "terms.threats",
            t.plusSeconds(10),
            reasons("threats", "automated", List.of())),
        held.toString());
    Fixtures.send(
        ModerationDecision.TOPIC,
        new ReportDismissed(
            UUID.randomUUID(),
            account,
            reported,
            reasons("spam", "report", List.of(report)),
            t.plusSeconds(31)),
        reported.toString());
    Fixtures.send(
        ModerationDecision.TOPIC,
        new PostLabeled(
            UUID.randomUUID(),
            labeled,
            reasons("harassment", "moderator", List.of()),
            t.plusSeconds(5)),
        labeled.toString());

    // public: no token
    given()
        .queryParam("from", t.toString())
        .queryParam("to", t.plus(Duration.ofHours(1)).toString())
        .get("/api/agora/v1/moderation/transparency")
        .then()
        .statusCode(200)
        .body("actions", equalTo(4))
        .body("reportsFiled", equalTo(1))
        .body("byCategory", equalTo(Map.of("threats", 2, "spam", 1, "harassment", 1)))
        .body(
            "byAction",
            equalTo(
                Map.of(
                    "hold_post", 1, "remove_post", 1, "dismiss_report", 1, "label_sensitive", 1)))
        .body("bySource", equalTo(Map.of("automated", 2, "report", 1, "moderator", 1)))
        .body("timed", equalTo(3))
        .body("medianSecondsToAction", equalTo(10.0f))
        .body("p99SecondsToAction", equalTo(30.0f));
  }

  @Test
  void transparencyRefusesBadWindows() {
    given()
        .queryParam("from", "yesterday")
        .get("/api/agora/v1/moderation/transparency")
        .then()
        .statusCode(400)
        .body("detail", containsString("from"));
    given()
        .queryParam("from", "2026-02-01T00:00:00Z")
        .queryParam("to", "2026-01-01T00:00:00Z")
        .get("/api/agora/v1/moderation/transparency")
        .then()
        .statusCode(422)
        .body("detail", containsString("before"));
    given()
        .queryParam("from", "2020-01-01T00:00:00Z")
        .queryParam("to", "2026-01-01T00:00:00Z")
        .get("/api/agora/v1/moderation/transparency")
        .then()
        .statusCode(422)
        .body("detail", containsString("366 days"));
  }

  @Test
  void anIllegalContentRemovalEscrowsEvidenceReadableByAdminsLoggedAndDestroyedOnExpiry() {
    TestUser moderator = Fixtures.moderator();
    TestUser author = Fixtures.user("illegal");
    TestUser reporter = Fixtures.user("rep");
    PostId post = Fixtures.seenPost(moderator, author.id(), "Wir zünden am Samstag das Heim an");
    json(reporter)
        .body(
            "{\"account_id\":\""
                + author.id()
                + "\",\"status_ids\":[\""
                + post
                + "\"],\"category\":\"violence\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(200);
    // the post's key has reached this instance once the queue shows the text
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .queryParam("account_id", author.id())
                    .get("/api/agora/v1/moderation/queue")
                    .then()
                    .body("[0].post.text", notNullValue()));

    json(moderator)
        .body(
            "{\"action\":\"remove_post\",\"target\":\""
                + post
                + "\",\"category\":\"violence\",\"groundType\":\"illegal_content\","
                + "\"legalGround\":\"StGB §111, §306a\",\"policyClause\":\"terms.violence\","
                + "\"facts\":\"Announces an arson attack.\"}")
        .post("/api/agora/v1/moderation/decisions")
        .then()
        .statusCode(201)
        .body("evidenceEscrowed", equalTo(true));

    String accessId =
        json(Fixtures.admin())
            .get("/api/agora/v1/moderation/evidence/" + post)
            .then()
            .statusCode(200)
            .body("text", equalTo("Wir zünden am Samstag das Heim an"))
            .body("authorId", equalTo(author.id()))
            .extract()
            .path("accessId");
    var accessed =
        EventCodec.decode(
            EvidenceAccessed.class,
            Fixtures.recordsWith(ModerationDecision.TOPIC, accessId, 1).getFirst().value());
    assertThat(accessed.postId()).isEqualTo(post);
    assertThat(accessed.actor()).isEqualTo("account:" + Fixtures.admin().id());
    json(Fixtures.moderator())
        .get("/api/agora/v1/moderation/evidence/" + post)
        .then()
        .statusCode(403);

    // the test profile keeps evidence 20 s; the sweep then destroys it
    var destroyed =
        Fixtures.recordsWith(ModerationDecision.TOPIC, post.toString(), 100).stream()
            .filter(
                r ->
                    EvidenceDestroyed.TYPE.equals(
                        org.agora.testing.KafkaTopicProbe.header(r, "ce_type")))
            .toList();
    if (destroyed.isEmpty()) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  org.agora.testing.KafkaTopicProbe.records(
                              ModerationDecision.TOPIC,
                              r ->
                                  post.toString().equals(r.key())
                                      && EvidenceDestroyed.TYPE.equals(
                                          org.agora.testing.KafkaTopicProbe.header(r, "ce_type")),
                              1,
                              Duration.ofSeconds(20))
                          .size()
                      == 1);
    }
    json(Fixtures.admin()).get("/api/agora/v1/moderation/evidence/" + post).then().statusCode(404);
    // The escrowed key's tombstone, and its follow-up (agora.keys.roll-after, 2 s here) that rolls
    // the partition's segment so the key leaves the disk without other traffic.
    assertThat(
            org.agora.testing.KafkaTopicProbe.records(
                EvidenceEscrowed.TOPIC,
                r -> post.toString().equals(r.key()) && r.value() == null,
                2,
                Duration.ofSeconds(20)))
        .hasSize(2);
  }

  @Test
  void anAppealAfterTheAppealPeriodIsRefused() {
    // NOTE: a removal, not a suspension: identity-service disables a suspended user's login.
    TestUser user = Fixtures.user("late");
    PostId post = Fixtures.seenPost(Fixtures.moderator(), user.id(), "old post");
    UUID decision = UUID.randomUUID();
    Instant longAgo = Instant.now().minus(Duration.ofDays(200));
    Fixtures.send(
        ModerationDecision.TOPIC,
        new PostRemoved(
            decision, post, "terms.spam", longAgo, reasons("spam", "moderator", List.of())),
        post.toString());
    String body = "{\"decisionId\":\"" + decision + "\",\"text\":\"Please.\"}";

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(user)
                    .body(body)
                    .post("/api/agora/v1/moderation/appeals")
                    .then()
                    .statusCode(422)
                    .body("detail", containsString("appeal period of P6M ended")));
    json(user)
        .body("{\"decisionId\":\"12\",\"text\":\"x\"}")
        .post("/api/agora/v1/moderation/appeals")
        .then()
        .statusCode(422)
        .body("detail", containsString("decisionId"));
    json(user)
        .body("{\"decisionId\":\"" + decision + "\"}")
        .post("/api/agora/v1/moderation/appeals")
        .then()
        .statusCode(422);
    json(user)
        .body("{\"decisionId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\"}")
        .post("/api/agora/v1/moderation/appeals")
        .then()
        .statusCode(404);
  }

  @Test
  void bulkActionsAndClaimsWorkOnManyItems() {
    TestUser moderator = Fixtures.moderator();
    TestUser reporter = Fixtures.user("bulk");
    TestUser target = Fixtures.user("target");
    String first = report(reporter, target, "spam");
    String second = report(reporter, target, "harassment");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .queryParam("target_account_id", target.id())
                    .get("/api/v1/admin/reports")
                    .then()
                    .body("", hasSize(2)));

    json(moderator)
        .body("{\"ids\":[\"" + first + "\",\"" + second + "\"],\"action\":\"assign_to_self\"}")
        .post("/api/agora/v1/moderation/queue/bulk")
        .then()
        .statusCode(200)
        .body("status", equalTo(List.of(200, 200)));
    json(moderator)
        .get("/api/v1/admin/reports/" + second)
        .then()
        .body("assigned_account.id", equalTo(moderator.id()));
    json(moderator)
        .post("/api/v1/admin/reports/" + second + "/unassign")
        .then()
        .statusCode(200)
        .body("assigned_account", org.hamcrest.Matchers.nullValue());
    json(moderator)
        .body("{\"ids\":[\"" + first + "\",\"" + second + "\"],\"action\":\"resolve\"}")
        .post("/api/agora/v1/moderation/queue/bulk")
        .then()
        .statusCode(200)
        .body("status", equalTo(List.of(200, 200)));
    json(moderator)
        .get("/api/v1/admin/reports/" + first)
        .then()
        .body("action_taken", equalTo(true));
    json(moderator)
        .post("/api/v1/admin/reports/" + first + "/reopen")
        .then()
        .statusCode(200)
        .body("action_taken", equalTo(false));

    json(moderator)
        .body("{\"ids\":[],\"action\":\"resolve\"}")
        .post("/api/agora/v1/moderation/queue/bulk")
        .then()
        .statusCode(422)
        .body("detail", containsString("ids"));
    json(moderator)
        .body("{\"ids\":[\"" + first + "\"],\"action\":\"explode\"}")
        .post("/api/agora/v1/moderation/queue/bulk")
        .then()
        .statusCode(422)
        .body("detail", containsString("action"));
    json(moderator)
        .body("{\"ids\":[\"" + first + "\"],\"action\":\"dismiss_report\",\"category\":\"spam\"}")
        .post("/api/agora/v1/moderation/queue/bulk")
        .then()
        .statusCode(422)
        .body("detail", containsString("groundType"));
    json(moderator)
        .queryParam("limit", "1000")
        .get("/api/agora/v1/moderation/queue")
        .then()
        .statusCode(422)
        .body("detail", containsString("limit"));
  }

  private static String report(TestUser reporter, TestUser target, String category) {
    return json(reporter)
        .body("{\"account_id\":\"" + target.id() + "\",\"category\":\"" + category + "\"}")
        .post("/api/v1/reports")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
