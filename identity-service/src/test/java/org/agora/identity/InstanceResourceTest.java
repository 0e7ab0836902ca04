package org.agora.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstanceResourceTest {
  @Test
  void describesTheServerAndItsLimitsToAnyone() {
    given()
        .get("/api/v1/instance")
        .then()
        .statusCode(200)
        .body("uri", equalTo("localhost:8080"))
        .body("title", equalTo("Agora"))
        .body("version", startsWith("4.2.0 (compatible; Agora"))
        .body("configuration.statuses.max_characters", equalTo(500))
        .body("registrations", equalTo(true));
  }

  @Test
  void refusesWritesAndUnknownPathsInMastodonShape() {
    given()
        .post("/api/v1/instance")
        .then()
        .statusCode(405)
        .body("error", equalTo("Method not allowed"));
    given()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
  }
}
