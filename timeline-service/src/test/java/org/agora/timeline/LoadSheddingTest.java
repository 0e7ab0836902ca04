package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no room for a request in flight every API request is shed at once with 503 and {@code
 * Retry-After}, in the error shape of its path, before authentication; health and metrics still
 * answer.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.NoRoom.class)
class LoadSheddingTest {
  public static class NoRoom implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("agora.http.max-in-flight", "0");
    }
  }

  @Test
  void mastodonPathsAreShedWithMastodonsErrorShape() {
    given()
        .get("/api/v1/timelines/home")
        .then()
        .statusCode(503)
        .header("Retry-After", "1")
        .body("error", containsString("limit of 0 requests in flight"));
  }

  @Test
  void agoraPathsAreShedWithProblemJson() {
    given()
        .get("/api/agora/v1/timeline/checksum")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("status", equalTo(503))
        .body("instance", equalTo("/api/agora/v1/timeline/checksum"));
  }

  @Test
  void healthAndMetricsAreNeverShed() {
    given().get("/q/health/live").then().statusCode(200);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("agora_http_shed_total"))
        .body(containsString("agora_http_in_flight"));
  }
}
