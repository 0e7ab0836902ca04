package org.agora.identity.apps;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;

/** Registers apps through the service and logs users in to them at the real Keycloak. */
final class AppFixtures {
  static final String TOKEN_URL =
      TestStack.keycloakUrl() + "/realms/agora/protocol/openid-connect/token";

  private AppFixtures() {}

  /** A registered app (form body): its Application JSON, secret included. */
  static JsonPath register(String name, String scopes) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("client_name", name)
        .formParam("redirect_uris", "app://callback")
        .formParam("scopes", scopes)
        .post("/api/v1/apps")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The user's token for the app, by the password grant Mastodon allows apps. */
  static String userToken(JsonPath app, TestUser user, String scopes) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", app.getString("client_id"))
        .formParam("client_secret", app.getString("client_secret"))
        .formParam("username", user.username())
        .formParam("password", user.password())
        .formParam("scope", scopes)
        .post(TOKEN_URL)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** Waits until the service refuses the token: it was ended at the identity provider. */
  static void awaitRefused(String token) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/apps/verify_credentials")
                    .then()
                    .statusCode(401));
  }
}
