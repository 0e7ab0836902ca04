package org.agora.identity.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.EndedSessions;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's own logouts, revocations and admin actions reach identity.sessions through the event
 * bridge, and the tokens they end are then refused here too.
 */
@QuarkusTest
class SessionBridgeTest {
  private static final String OIDC =
      TestStack.keycloakUrl() + "/realms/agora/protocol/openid-connect";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject KeycloakAdmin keycloak;

  @Test
  void aLogoutAtKeycloakEndsItsSessionHere() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("loggedout");
    JsonPath login = login(user);
    String token = login.getString("access_token");
    String other = login(user).getString("access_token");
    accepted(token);

    given()
        .contentType(ContentType.URLENC)
        .formParam("client_id", KeycloakTestRealm.APP_CLIENT)
        .formParam("refresh_token", login.getString("refresh_token"))
        .post(OIDC + "/logout")
        .then()
        .statusCode(204);

    String sid = claims(token).path("sid").asText();
    assertThat(EndedSessions.of(user.id(), EndedSessions.session(sid, SessionsEnded.REASON_LOGOUT)))
        .isNotEmpty();
    awaitRefused(token);
    accepted(other);
  }

  @Test
  void aRevokedAccessTokenEndsAloneAndARevokedRefreshTokenEndsItsSession() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("revokedkc");
    JsonPath first = login(user);
    JsonPath second = login(user);
    String jti = claims(first.getString("access_token")).path("jti").asText();
    String sid = claims(second.getString("access_token")).path("sid").asText();

    revoke(first.getString("access_token"), "access_token");
    revoke(second.getString("refresh_token"), "refresh_token");

    assertThat(EndedSessions.of(user.id(), EndedSessions.token(jti, SessionsEnded.REASON_REVOKED)))
        .isNotEmpty();
    assertThat(
            EndedSessions.of(user.id(), EndedSessions.session(sid, SessionsEnded.REASON_REVOKED)))
        .isNotEmpty();
    awaitRefused(first.getString("access_token"));
    awaitRefused(second.getString("access_token"));
  }

  @Test
  void anAdminTakingARoleEndingSessionsDisablingAndDeletingEndsEveryEarlierToken()
      throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("adminned");
    String token = user.accessToken();
    accepted(token);
    JsonNode role = keycloak.get("/roles/moderator");
    String roles = "/users/" + user.id() + "/role-mappings/realm";
    Instant before = Instant.now().minusSeconds(1);

    assertThat(keycloak.call("POST", roles, List.of(role)).status()).isEqualTo(204);
    assertThat(keycloak.call("DELETE", roles, List.of(role)).status()).isEqualTo(204);
    assertThat(ended(user, SessionsEnded.REASON_ROLES_CHANGED).endedAt()).isAfter(before);
    awaitRefused(token);

    assertThat(keycloak.call("POST", "/users/" + user.id() + "/logout", null).status())
        .isEqualTo(204);
    ended(user, SessionsEnded.REASON_SESSIONS_CLOSED);
    assertThat(keycloak.call("PUT", "/users/" + user.id(), Map.of("enabled", false)).status())
        .isEqualTo(204);
    ended(user, SessionsEnded.REASON_DISABLED);
    keycloak.deleteUser(user.id());
    assertThat(ended(user, SessionsEnded.REASON_DELETED).endedAt())
        .isBetween(before, Instant.now().plusSeconds(1));
  }

  @Test
  void givingARoleOrEnablingEndsNothing() {
    TestUser user = KeycloakTestRealm.verifiedUser("promotedonly");
    JsonNode role = keycloak.get("/roles/moderator");
    keycloak.call("POST", "/users/" + user.id() + "/role-mappings/realm", List.of(role));
    keycloak.call("PUT", "/users/" + user.id(), Map.of("enabled", true));
    // Both reach the audit topic (so the bridge has read them) and no cut-off came of them.
    assertThat(AuditBridgeTest.audit(user.id(), "ADMIN_USER_UPDATE")).isNotEmpty();
    assertThat(AuditBridgeTest.audit(user.id(), "ADMIN_REALM_ROLE_MAPPING_CREATE")).isNotEmpty();
    assertThat(EndedSessions.of(user.id(), e -> true, 1, Duration.ofSeconds(2))).isEmpty();
  }

  private static SessionsEnded ended(TestUser user, String reason) {
    var ended = EndedSessions.of(user.id(), EndedSessions.allBefore(reason));
    assertThat(ended).as(reason).isNotEmpty();
    return ended.getFirst();
  }

  private static JsonPath login(TestUser user) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", KeycloakTestRealm.APP_CLIENT)
        .formParam("username", user.username())
        .formParam("password", user.password())
        .post(OIDC + "/token")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void revoke(String token, String hint) {
    given()
        .contentType(ContentType.URLENC)
        .formParam("client_id", KeycloakTestRealm.APP_CLIENT)
        .formParam("token", token)
        .formParam("token_type_hint", hint)
        .post(OIDC + "/revoke")
        .then()
        .statusCode(200);
  }

  private static void accepted(String token) {
    given().auth().oauth2(token).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
  }

  private static void awaitRefused(String token) {
    EndedSessions.awaitRefused(token, Duration.ofSeconds(10));
  }

  private static JsonNode claims(String token) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }
}
