package org.agora.identity.apps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Mastodon clients post to /oauth/token and /oauth/revoke as JSON; Keycloak takes forms. */
@QuarkusTest
class OAuthTokenResourceTest {
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

  private static JsonPath app() {
    return AppFixtures.register("OAuth proxy test", "read write");
  }
}
