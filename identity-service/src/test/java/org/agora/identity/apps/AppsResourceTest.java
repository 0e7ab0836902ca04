package org.agora.identity.apps;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Base64;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Mastodon apps against the real Keycloak: registration, app tokens, user tokens, revocation. */
@QuarkusTest
class AppsResourceTest {
  private static final String TOKEN_URL = AppFixtures.TOKEN_URL;

  @Test
  void anAppRegistersAndItsAppTokenSaysWhichAppItIs() {
    var app =
        given()
            .contentType(ContentType.URLENC)
            .formParam("client_name", "Test client")
            .formParam("redirect_uris", "urn:ietf:wg:oauth:2.0:oob")
            .formParam("scopes", "read write follow")
            .formParam("website", "https://client.example")
            .post("/api/v1/apps")
            .then()
            .statusCode(200)
            .body("name", equalTo("Test client"))
            .body("redirect_uri", equalTo("urn:ietf:wg:oauth:2.0:oob"))
            .body("scopes", equalTo(java.util.List.of("read", "write", "follow")))
            .extract()
            .jsonPath();
    String clientId = app.getString("client_id");
    String secret = app.getString("client_secret");
    assertThat(clientId).startsWith("app-");
    assertThat(secret).isNotBlank();

    String appToken =
        given()
            .contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", clientId)
            .formParam("client_secret", secret)
            .formParam("scope", "read")
            .post(TOKEN_URL)
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");

    given()
        .auth()
        .oauth2(appToken)
        .get("/api/v1/apps/verify_credentials")
        .then()
        .statusCode(200)
        .body("name", equalTo("Test client"))
        .body("website", equalTo("https://client.example"))
        .body("client_secret", nullValue());
  }

  @Test
  void aUsersAppTokenLastsThirtyDaysButEndsAtOnceWhenRevoked() throws Exception {
    var app =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"client_name\":\"Long lived\",\"redirect_uris\":[\"app://callback\"],"
                    + "\"scopes\":\"read write\"}")
            .post("/api/v1/apps")
            .then()
            .statusCode(200)
            .body("scopes", equalTo(java.util.List.of("read", "write")))
            .extract()
            .jsonPath();
    String token =
        AppFixtures.userToken(app, KeycloakTestRealm.verifiedUser("appuser"), "read write");
    JsonNode claims = claims(token);
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
        .isEqualTo(Duration.ofDays(30).toSeconds());
    given().auth().oauth2(token).get("/api/v1/apps/verify_credentials").then().statusCode(200);

    given()
        .contentType(ContentType.URLENC)
        .formParam("client_id", app.getString("client_id"))
        .formParam("client_secret", app.getString("client_secret"))
        .formParam("token", token)
        .formParam("token_type_hint", "access_token")
        .post(TestStack.keycloakUrl() + "/realms/agora/protocol/openid-connect/revoke")
        .then()
        .statusCode(200);

    AppFixtures.awaitRefused(token);
  }

  @Test
  void aSuspendedUsersAppTokenEndsAtOnce() {
    var app = AppFixtures.register("Suspension probe", "read");
    TestUser user = KeycloakTestRealm.verifiedUser("appsuspended");
    String token = AppFixtures.userToken(app, user, "read");
    given().auth().oauth2(token).get("/api/v1/apps/verify_credentials").then().statusCode(200);

    KeycloakTestRealm.setEnabled(user, false);

    AppFixtures.awaitRefused(token);
  }

  @Test
  void badRegistrationsAreRefusedNamingTheField() {
    given()
        .contentType(ContentType.URLENC)
        .formParam("redirect_uris", "urn:ietf:wg:oauth:2.0:oob")
        .post("/api/v1/apps")
        .then()
        .statusCode(422)
        .body("error", equalTo("client_name: can't be blank"));
    given()
        .contentType(ContentType.URLENC.withCharset("UTF-8"))
        .formParam("client_name", "Agora\u202Eppa")
        .formParam("redirect_uris", "urn:ietf:wg:oauth:2.0:oob")
        .post("/api/v1/apps")
        .then()
        .statusCode(422)
        .body(
            "error",
            equalTo("client_name: bidirectional override U+202E at character 6 is not allowed"));
    given()
        .contentType(ContentType.URLENC)
        .formParam("client_name", "x")
        .formParam("redirect_uris", "not a uri at all")
        .post("/api/v1/apps")
        .then()
        .statusCode(422)
        .body("error", containsString("redirect_uris"));
    given()
        .contentType(ContentType.URLENC)
        .formParam("client_name", "x")
        .formParam("redirect_uris", "app://cb")
        .formParam("scopes", "read admin:read")
        .post("/api/v1/apps")
        .then()
        .statusCode(422)
        .body("error", containsString("scopes: unknown scope 'admin:read'"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"client_name\":")
        .post("/api/v1/apps")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body("[1,2]")
        .post("/api/v1/apps")
        .then()
        .statusCode(400)
        .body("error", containsString("client_name"));
  }

  @Test
  void verifyCredentialsNeedsAToken() {
    given().get("/api/v1/apps/verify_credentials").then().statusCode(401);
  }

  private static JsonNode claims(String token) throws Exception {
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }
}
