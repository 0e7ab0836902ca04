package org.agora.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;

/** A password login through the gateway's Keycloak path, as a client app would make it. */
final class GatewayLogin {
  private GatewayLogin() {}

  /** Keycloak's token answer: {@code access_token}, {@code refresh_token}, … */
  static JsonPath passwordGrant(TestUser user) {
    return given()
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", KeycloakTestRealm.APP_CLIENT)
        .formParam("scope", "openid")
        .formParam("username", user.username())
        .formParam("password", user.password())
        .post("/auth/realms/agora/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
