package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.util.List;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mastodon's admin account actions are split between services: approving and rejecting a pending
 * sign-up belong to identity, the rest to moderation. Through the gateway both reach identity,
 * which knows no such account here (moderation has no route for them and would answer differently).
 */
class AdminAccountsRoutingIT {
  @BeforeAll
  static void gateway() {
    RestAssured.baseURI = TestStack.gatewayUrl();
  }

  @Test
  void approveAndRejectReachIdentity() {
    TestUser moderator = KeycloakTestRealm.staffUser("e2e_gatekeeper", "moderator");
    TestUser active = KeycloakTestRealm.verifiedUser("e2e_active");
    for (String action : List.of("approve", "reject")) {
      given()
          .auth()
          .oauth2(moderator.accessToken())
          .post("/api/v1/admin/accounts/" + active.id() + "/" + action)
          .then()
          .statusCode(403)
          .body("error", equalTo("This account is not awaiting approval"));
    }
    given()
        .auth()
        .oauth2(active.accessToken())
        .get("/api/v1/accounts/verify_credentials")
        .then()
        .statusCode(200);
  }
}
