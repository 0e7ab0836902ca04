package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The home timeline end to end, only through the gateway: a follow on identity-service, a post on
 * post-service screened by moderation-service, fanned out by timeline-service into the follower's
 * home; the author's deletion takes it out again.
 */
class TimelineFlowIT {
  @BeforeAll
  static void gateway() {
    RestAssured.baseURI = TestStack.gatewayUrl();
  }

  @Test
  void aFollowedAccountsPostReachesTheHomeTimelineAndLeavesItWhenDeleted() {
    TestUser author = KeycloakTestRealm.verifiedUser("e2e_tl_author");
    TestUser reader = KeycloakTestRealm.verifiedUser("e2e_tl_reader");
    String authorToken = author.accessToken();
    String readerToken = reader.accessToken();
    // NOTE: identity-service enrols an account at its first authenticated call.
    for (String token : List.of(authorToken, readerToken)) {
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/accounts/verify_credentials")
          .then()
          .statusCode(200);
    }

    given()
        .auth()
        .oauth2(readerToken)
        .post("/api/v1/accounts/" + author.id() + "/follow")
        .then()
        .statusCode(200);
    String mine = publish(readerToken, "My own words " + System.nanoTime());
    String theirs = publish(authorToken, "Worth following " + System.nanoTime());

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(home(readerToken)).containsExactly(theirs, mine));

    given().auth().oauth2(authorToken).delete("/api/v1/statuses/" + theirs).then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(home(readerToken)).containsExactly(mine));
  }

  @Test
  void theHomeTimelineNeedsATokenAndWellFormedPaging() {
    given().get("/api/v1/timelines/home").then().statusCode(401);
    String token = KeycloakTestRealm.verifiedUser("e2e_tl_paging").accessToken();
    given()
        .auth()
        .oauth2(token)
        .queryParam("max_id", "not-an-id")
        .get("/api/v1/timelines/home")
        .then()
        .statusCode(400);
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

  private static List<String> home(String token) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/timelines/home")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
