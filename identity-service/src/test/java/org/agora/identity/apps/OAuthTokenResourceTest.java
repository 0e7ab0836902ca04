package org.agora.identity.apps;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.EndedSessions;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Mastodon clients post to /oauth/token and /oauth/revoke as JSON; Keycloak takes forms. A genuine
 * revocation ends its login session on identity.sessions; a forged token ends nothing.
 */
@QuarkusTest
class OAuthTokenResourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aJsonPasswordGrantGetsAMastodonTokenAndAJsonRevokeEndsIt() {
    JsonPath app = app();
    TestUser user = KeycloakTestRealm.verifiedUser("oauthjson");

    String token =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"grant_type\":\"password\",\"client_id\":\""
                    + app.getString("client_id")
                    + "\",\"client_secret\":\""
                    + app.getString("client_secret")
                    + "\",\"username\":\""
                    + user.username()
                    + "\",\"password\":\""
                    + user.password()
                    + "\",\"scope\":\"read write\"}")
            .post("/oauth/token")
            .then()
            .statusCode(200)
            .body("token_type", equalTo("Bearer"))
            .body("created_at", notNullValue())
            .extract()
            .path("access_token");
    given().auth().oauth2(token).get("/api/v1/apps/verify_credentials").then().statusCode(200);

    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"client_id\":\""
                + app.getString("client_id")
                + "\",\"client_secret\":\""
                + app.getString("client_secret")
                + "\",\"token\":\""
                + token
                + "\"}")
        .post("/oauth/revoke")
        .then()
        .statusCode(200)
        .body(equalTo("{}"));
    AppFixtures.awaitRefused(token);
  }

  @Test
  void aFormGrantPassesThroughAndKeycloaksRefusalsKeepTheirShape() {
    JsonPath app = app();
    TestUser user = KeycloakTestRealm.verifiedUser("oauthform");

    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", app.getString("client_id"))
        .formParam("client_secret", app.getString("client_secret"))
        .formParam("username", user.username())
        .formParam("password", user.password())
        .post("/oauth/token")
        .then()
        .statusCode(200)
        .body("access_token", notNullValue());
    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", app.getString("client_id"))
        .formParam("client_secret", app.getString("client_secret"))
        .formParam("username", user.username())
        .formParam("password", "wrong-password-123")
        .post("/oauth/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"));
    given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", app.getString("client_id"))
        .formParam("client_secret", "not-the-secret")
        .formParam("username", user.username())
        .formParam("password", user.password())
        .post("/oauth/token")
        .then()
        .statusCode(401)
        .body("error", equalTo("unauthorized_client"));
  }

  @Test
  void malformedRequestsAreRefusedBeforeKeycloak() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"client_id\":\"x\"}")
        .post("/oauth/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("grant_type is required"));
    given().contentType(ContentType.JSON).body("[]").post("/oauth/token").then().statusCode(400);
    given()
        .contentType(ContentType.URLENC)
        .formParam("client_id", "x")
        .post("/oauth/revoke")
        .then()
        .statusCode(400)
        .body("error", equalTo("token is required"));
  }

  @Test
  void aRevocationEndsThatLoginsSessionOnTheLogAndNoOther() throws Exception {
    JsonPath app = app();
    TestUser user = KeycloakTestRealm.verifiedUser("oauthrevoke");
    String revoked = AppFixtures.userToken(app, user, "read");
    String kept = AppFixtures.userToken(app, user, "read");
    ObjectNode claims = claims(revoked);
    assertThat(claims.path("sid").asText())
        .isNotEmpty()
        .isNotEqualTo(claims(kept).path("sid").asText());

    revoke(app, revoked);

    var ended =
        EndedSessions.of(
            user.id(),
            EndedSessions.session(claims.path("sid").asText(), SessionsEnded.REASON_REVOKED));
    assertThat(ended).isNotEmpty();
    AppFixtures.awaitRefused(revoked);
    given().auth().oauth2(kept).get("/api/v1/apps/verify_credentials").then().statusCode(200);
  }

  @Test
  void aForgedTokenCutsNobodyOff() throws Exception {
    TestUser victim = KeycloakTestRealm.verifiedUser("oauthvictim");
    JsonPath victimsApp = app();
    String token = AppFixtures.userToken(victimsApp, victim, "read");
    String marker = AppFixtures.userToken(victimsApp, victim, "read");
    JsonPath attackersApp = app();
    ObjectNode claims = claims(token);
    String sid = claims.path("sid").asText();
    String jti = claims.path("jti").asText();
    // The victim's real claims, as if issued to the attacker's app: unsigned, and re-signed badly.
    claims.put("azp", attackersApp.getString("client_id"));
    String[] parts = token.split("\\.");
    String payload = encode(JSON.writeValueAsBytes(claims));
    String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    for (String forged :
        new String[] {unsigned + "." + payload + ".", parts[0] + "." + payload + "." + parts[2]}) {
      revoke(attackersApp, forged);
    }

    // A genuine revocation of another of the victim's logins is appended after anything the forged
    // ones could have appended (same account, same partition): the first match must be it.
    String markerSid = claims(marker).path("sid").asText();
    revoke(victimsApp, marker);
    var first =
        EndedSessions.of(
            victim.id(),
            e ->
                sid.equals(e.sessionId())
                    || jti.equals(e.tokenId())
                    || e.sessionId() == null && e.tokenId() == null
                    || markerSid.equals(e.sessionId()));
    assertThat(first).isNotEmpty();
    assertThat(first.getFirst().sessionId()).isEqualTo(markerSid);
    AppFixtures.awaitRefused(marker);
    given().auth().oauth2(token).get("/api/v1/apps/verify_credentials").then().statusCode(200);
  }

  private static void revoke(JsonPath app, String token) {
    given()
        .contentType(ContentType.URLENC)
        .formParam("client_id", app.getString("client_id"))
        .formParam("client_secret", app.getString("client_secret"))
        .formParam("token", token)
        .post("/oauth/revoke")
        .then()
        .statusCode(200)
        .body(equalTo("{}"));
  }

  private static ObjectNode claims(String token) throws Exception {
    return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static JsonPath app() {
    return AppFixtures.register("OAuth proxy test", "read write");
  }
}
