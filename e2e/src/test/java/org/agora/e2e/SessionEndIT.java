package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens are checked locally by every service, yet a login ended in Keycloak's own pages (a logout,
 * a revoked token, a user disabled by an administrator) stops working in every service within
 * seconds: identity's bridge turns Keycloak's event into a cut-off on {@code identity.sessions},
 * which every service follows. Every service is called through the gateway; logins are made at
 * Keycloak itself, as the gateway limits logins per address.
 */
class SessionEndIT {
  private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(10);

  @BeforeAll
  static void gateway() {
    RestAssured.baseURI = TestStack.gatewayUrl();
  }

  @Test
  void aLogoutInKeycloakEndsTheTokenInEveryServiceButNotTheOwnersOtherLogin() {
    TestUser user = KeycloakTestRealm.verifiedUser("e2e_logout");
    JsonPath login = Logins.atKeycloak(user);
    String token = login.getString("access_token");
    String other = Logins.atKeycloak(user).getString("access_token");
    String post = publish(token);
    assertServes(token, post);

    int status =
        given()
            .baseUri(TestStack.keycloakUrl())
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "client_id",
                    KeycloakTestRealm.APP_CLIENT,
                    "refresh_token",
                    login.getString("refresh_token")))
            .post("/realms/agora/protocol/openid-connect/logout")
            .statusCode();
    assertThat(status).isEqualTo(204);

    await().atMost(CUT_OFF_WITHIN).untilAsserted(() -> assertRefused(token, post));
    assertServes(other, post);
  }

  @Test
  void aUserDisabledInKeycloakIsCutOffInEveryService() {
    TestUser user = KeycloakTestRealm.verifiedUser("e2e_disabled");
    String token = Logins.atKeycloak(user).getString("access_token");
    String post = publish(token);
    assertServes(token, post);

    KeycloakTestRealm.setEnabled(user, false);

    await().atMost(CUT_OFF_WITHIN).untilAsserted(() -> assertRefused(token, post));
  }

  @Test
  void anAccessTokenRevokedAtKeycloakIsRefusedInEveryService() {
    TestUser user = KeycloakTestRealm.verifiedUser("e2e_revoked");
    String token = Logins.atKeycloak(user).getString("access_token");
    String post = publish(token);
    assertServes(token, post);

    int status =
        given()
            .baseUri(TestStack.keycloakUrl())
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "client_id",
                    KeycloakTestRealm.APP_CLIENT,
                    "token_type_hint",
                    "access_token",
                    "token",
                    token))
            .post("/realms/agora/protocol/openid-connect/revoke")
            .statusCode();
    assertThat(status).isEqualTo(200);

    await().atMost(CUT_OFF_WITHIN).untilAsserted(() -> assertRefused(token, post));
  }

  /** One authenticated read in each service: identity, post, timeline and moderation. */
  private static Map<String, Function<String, Integer>> probes(String post) {
    String unknownDecision = UUID.randomUUID().toString();
    return Map.of(
        "identity",
        t -> given().auth().oauth2(t).get("/api/v1/accounts/verify_credentials").statusCode(),
        "post",
        t -> given().auth().oauth2(t).get("/api/v1/statuses/" + post + "/source").statusCode(),
        "timeline",
        t -> given().auth().oauth2(t).get("/api/v1/timelines/home").statusCode(),
        "moderation",
        t ->
            given()
                .auth()
                .oauth2(t)
                .get("/api/agora/v1/moderation/statements/" + unknownDecision)
                .statusCode());
  }

  private static void assertServes(String token, String post) {
    probes(post)
        .forEach((service, probe) -> assertThat(probe.apply(token)).as(service).isIn(200, 404));
  }

  private static void assertRefused(String token, String post) {
    probes(post)
        .forEach((service, probe) -> assertThat(probe.apply(token)).as(service).isEqualTo(401));
  }

  private static String publish(String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"before the session ends " + System.nanoTime() + "\"}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
