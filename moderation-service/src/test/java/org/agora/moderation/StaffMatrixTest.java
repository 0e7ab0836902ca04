package org.agora.moderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Every staff endpoint: anonymous 401, plain user 403, moderator without second factor 403, staff
 * with second factor through (the answer is the endpoint's own, never 401/403).
 */
@QuarkusTest
class StaffMatrixTest {
  record Endpoint(String method, String path, String body) {}

  private static final String ID = "0190f3a2-0000-7000-8000-00000000abcd";

  private static final List<Endpoint> MODERATOR_ENDPOINTS =
      List.of(
          new Endpoint("GET", "/api/agora/v1/moderation/queue", null),
          new Endpoint(
              "POST",
              "/api/agora/v1/moderation/queue/bulk",
              "{\"ids\":[\"" + ID + "\"],\"action\":\"resolve\"}"),
          new Endpoint("POST", "/api/agora/v1/moderation/decisions", "{\"action\":\"nope\"}"),
          new Endpoint(
              "POST",
              "/api/agora/v1/moderation/appeals/" + ID + "/decision",
              "{\"outcome\":\"upheld\",\"facts\":\"f\"}"),
          new Endpoint("GET", "/api/v1/admin/reports", null),
          new Endpoint("GET", "/api/v1/admin/reports/" + ID, null),
          new Endpoint("POST", "/api/v1/admin/reports/" + ID + "/assign_to_self", null),
          new Endpoint("POST", "/api/v1/admin/reports/" + ID + "/unassign", null),
          new Endpoint("POST", "/api/v1/admin/reports/" + ID + "/resolve", null),
          new Endpoint("POST", "/api/v1/admin/reports/" + ID + "/reopen", null),
          new Endpoint(
              "POST", "/api/v1/admin/accounts/" + ID + "/action", "{\"type\":\"silence\"}"));

  private static final Endpoint EVIDENCE =
      new Endpoint("GET", "/api/agora/v1/moderation/evidence/" + ID, null);

  @Test
  void everyModeratorEndpointRefusesAllButStaffWithASecondFactor() {
    TestUser plain = Fixtures.user("plain");
    TestUser noFactor = KeycloakTestRealm.verifiedUser("modnof", "moderator");
    for (Endpoint endpoint : MODERATOR_ENDPOINTS) {
      assertThat(status(endpoint, null)).as("anonymous %s", endpoint).isEqualTo(401);
      assertThat(status(endpoint, plain)).as("plain user %s", endpoint).isEqualTo(403);
      assertThat(status(endpoint, noFactor)).as("no second factor %s", endpoint).isEqualTo(403);
      assertThat(status(endpoint, Fixtures.moderator()))
          .as("moderator %s", endpoint)
          .isNotIn(401, 403);
      assertThat(status(endpoint, Fixtures.admin())).as("admin %s", endpoint).isNotIn(401, 403);
    }
  }

  @Test
  void evidenceIsForAdminsWithASecondFactorOnly() {
    assertThat(status(EVIDENCE, null)).isEqualTo(401);
    assertThat(status(EVIDENCE, Fixtures.user("plain"))).isEqualTo(403);
    assertThat(status(EVIDENCE, Fixtures.moderator())).isEqualTo(403);
    assertThat(status(EVIDENCE, KeycloakTestRealm.verifiedUser("admnof", "admin"))).isEqualTo(403);
    assertThat(status(EVIDENCE, Fixtures.admin())).isEqualTo(404);
  }

  @Test
  void statementsAndAppealsNeedALogin() {
    given().get("/api/agora/v1/moderation/statements").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body("{\"decisionId\":\"" + ID + "\",\"text\":\"x\"}")
        .post("/api/agora/v1/moderation/appeals")
        .then()
        .statusCode(401);
  }

  private static int status(Endpoint endpoint, TestUser user) {
    RequestSpecification request =
        user == null ? given() : given().auth().oauth2(user.accessToken());
    if (endpoint.body() != null) {
      request = request.contentType(ContentType.JSON).body(endpoint.body());
    }
    return endpoint.method().equals("GET")
        ? request.get(endpoint.path()).statusCode()
        : request.post(endpoint.path()).statusCode();
  }
}
