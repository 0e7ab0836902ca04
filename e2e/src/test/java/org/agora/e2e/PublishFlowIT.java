package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first flow end to end, only through the gateway: a verified user publishes with the Mastodon
 * API, post-service appends to Kafka, timeline-service projects into PostgreSQL, and the author's
 * statuses show the post.
 */
class PublishFlowIT {
  @BeforeAll
  static void gateway() {
    RestAssured.baseURI = TestStack.gatewayUrl();
  }

  @Test
  void aVerifiedUserPublishesAndTheProfileTimelineShowsIt() {
    TestUser author = KeycloakTestRealm.verifiedUser("e2e");
    String token = Logins.throughGateway(author).getString("access_token");
    String text = "End to end " + System.nanoTime();

    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"status\":\"" + text + "\"}")
            .post("/api/v1/statuses")
            .then()
            .statusCode(200)
            .body("account.id", equalTo(author.id()))
            .extract()
            .path("id");

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              List<String> ids =
                  given()
                      .auth()
                      .oauth2(token)
                      .get("/api/v1/accounts/" + author.id() + "/statuses")
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("id");
              assertThat(ids).containsExactly(id);
            });
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + author.id() + "/statuses")
        .then()
        .body("[0].content", equalTo("<p>" + text + "</p>"));
  }

  @Test
  void theGatewayRefusesWhatTheServicesRefuse() {
    TestUser unverified = KeycloakTestRealm.unverifiedUser("e2e_unverified");
    given()
        .auth()
        .oauth2(unverified.accessToken())
        .contentType(ContentType.JSON)
        .body("{\"status\":\"too early\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(403)
        .body("error", equalTo("Your login is missing a confirmed e-mail address"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"anonymous\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(401)
        .body("error", equalTo("The access token is invalid"));

    String token = KeycloakTestRealm.verifiedUser("e2e_limits").accessToken();
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"" + "ä".repeat(501) + "\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(422)
        .body("error", equalTo("status: 501 characters, at most 500"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":")
        .post("/api/v1/statuses")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"" + "x".repeat(100_000) + "\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(413)
        .body("error", equalTo("Request body too large"));
  }

  @Test
  void theGatewayServesNoUnknownApiPathAndNoKeycloakAdminConsole() {
    given()
        .get("/api/v1/unknown")
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    given().get("/auth/admin/master/console/").then().statusCode(403);
    given()
        .get("/auth/realms/agora/.well-known/openid-configuration")
        .then()
        .statusCode(200)
        .body("issuer", equalTo(TestStack.gatewayUrl() + "/auth/realms/agora"));
  }
}
