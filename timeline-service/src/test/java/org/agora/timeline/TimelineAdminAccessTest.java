package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.agora.kit.auth.Caller;
import org.agora.testing.KeycloakTestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may rebuild the projection and read its checksum: the staff matrix, in problem JSON. */
@QuarkusTest
class TimelineAdminAccessTest {
  private static String user;
  private static String adminWithoutSecondFactor;
  private static String moderator;

  @BeforeAll
  static void people() {
    user = KeycloakTestRealm.verifiedUser("tl_user").accessToken();
    adminWithoutSecondFactor = KeycloakTestRealm.verifiedUser("tl_admin1f", "admin").accessToken();
    moderator = KeycloakTestRealm.staffUser("tl_mod", "moderator").accessToken();
  }

  @Test
  void anonymousCallersAreUnauthorized() {
    given()
        .post("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401));
    given().get("/api/agora/v1/timeline/rebuild").then().statusCode(401);
    given().get("/api/agora/v1/timeline/checksum").then().statusCode(401);
  }

  @Test
  void plainUsersAreForbidden() {
    given()
        .auth()
        .oauth2(user)
        .post("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", equalTo("This action needs the role admin"));
    given().auth().oauth2(user).get("/api/agora/v1/timeline/rebuild").then().statusCode(403);
    given().auth().oauth2(user).get("/api/agora/v1/timeline/checksum").then().statusCode(403);
  }

  @Test
  void staffWithoutASecondFactorAreForbidden() {
    given()
        .auth()
        .oauth2(adminWithoutSecondFactor)
        .post("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(403)
        .body("detail", equalTo(Caller.SECOND_FACTOR_MESSAGE));
    given()
        .auth()
        .oauth2(adminWithoutSecondFactor)
        .get("/api/agora/v1/timeline/checksum")
        .then()
        .statusCode(403)
        .body("detail", equalTo(Caller.SECOND_FACTOR_MESSAGE));
  }

  @Test
  void moderatorsMayReadTheChecksumButNotRebuild() {
    given()
        .auth()
        .oauth2(moderator)
        .get("/api/agora/v1/timeline/checksum")
        .then()
        .statusCode(200)
        .body("value", matchesPattern("[0-9a-f]{64}"));
    given()
        .auth()
        .oauth2(moderator)
        .post("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(403)
        .body("detail", equalTo("This action needs the role admin"));
    given().auth().oauth2(moderator).get("/api/agora/v1/timeline/rebuild").then().statusCode(403);
  }

  @Test
  void adminsWithASecondFactorMayFollowTheRebuild() {
    String admin = KeycloakTestRealm.staffUser("tl_admin2f", "admin").accessToken();
    given()
        .auth()
        .oauth2(admin)
        .get("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(200)
        .body("topics.size()", equalTo(4));
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body("{")
        .post("/api/agora/v1/timeline/rebuild?what=ever")
        .then()
        .statusCode(202);
  }
}
