package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moderation end to end, only through the gateway: a reported post is removed by a moderator with a
 * second factor and vanishes from the single-post read and the profile timeline; the author reads
 * the statement of reasons, appeals, another moderator reverses, and the post is back on both read
 * paths.
 */
class ModerationFlowIT {
  @BeforeAll
  static void gateway() {
    RestAssured.baseURI = TestStack.gatewayUrl();
  }

  @Test
  void aRemovalVanishesFromEveryReadPathAndAReversedAppealBringsItBack() {
    TestUser author = KeycloakTestRealm.verifiedUser("e2e_mod_author");
    TestUser reporter = KeycloakTestRealm.verifiedUser("e2e_mod_reporter");
    TestUser moderator = KeycloakTestRealm.staffUser("e2e_mod", "moderator");
    TestUser other = KeycloakTestRealm.staffUser("e2e_mod2", "moderator");
    String text = "Cheap watches for sale " + System.nanoTime();

    String post =
        as(author)
            .body("{\"status\":\"" + text + "\"}")
            .post("/api/v1/statuses")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(profile(author)).contains(post));

    String report =
        as(reporter)
            .body(
                "{\"account_id\":\""
                    + author.id()
                    + "\",\"status_ids\":[\""
                    + post
                    + "\"],\"category\":\"spam\"}")
            .post("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    String removal =
        "{\"action\":\"remove_post\",\"target\":\""
            + post
            + "\",\"reportIds\":[\""
            + report
            + "\"],\"category\":\"spam\",\"groundType\":\"incompatible_with_terms\","
            + "\"policyClause\":\"terms.spam\",\"facts\":\"Unsolicited advertising.\"}";
    // moderation-service may not have projected the post and the report yet
    String[] decision = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                decision[0] =
                    as(moderator)
                        .body(removal)
                        .post("/api/agora/v1/moderation/decisions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("decisionId"));
    long decided = System.nanoTime();

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () -> {
              given().get("/api/v1/statuses/" + post).then().statusCode(404);
              assertThat(profile(author)).doesNotContain(post);
            });
    System.out.printf(
        "takedown: gone from the single read and the profile timeline %d ms after the decision%n",
        (System.nanoTime() - decided) / 1_000_000);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(author)
                    .get("/api/agora/v1/moderation/statements")
                    .then()
                    .statusCode(200)
                    .body("[0].decisionId", equalTo(decision[0]))
                    .body("[0].policyClause", equalTo("terms.spam")));
    String appeal =
        as(author)
            .body("{\"decisionId\":\"" + decision[0] + "\",\"text\":\"Not an ad.\"}")
            .post("/api/agora/v1/moderation/appeals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(other)
                    .body("{\"outcome\":\"reversed\",\"facts\":\"A private sale.\"}")
                    .post("/api/agora/v1/moderation/appeals/" + appeal + "/decision")
                    .then()
                    .statusCode(200));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              given().get("/api/v1/statuses/" + post).then().statusCode(200);
              assertThat(profile(author)).contains(post);
            });
  }

  private static RequestSpecification as(TestUser user) {
    return given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON);
  }

  private static List<String> profile(TestUser viewer) {
    return given()
        .auth()
        .oauth2(viewer.accessToken())
        .get("/api/v1/accounts/" + viewer.id() + "/statuses")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
