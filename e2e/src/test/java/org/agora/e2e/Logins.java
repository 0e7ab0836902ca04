package org.agora.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;

/**
 * Password logins as a client app makes them: Keycloak's token answer ({@code access_token}, {@code
 * refresh_token}, …).
 */
final class Logins {
  private Logins() {}

  /** Through the gateway's Keycloak path, which its per-address login limit guards. */
  static JsonPath throughGateway(TestUser user) {
    return passwordGrant(given(), "/auth/realms/agora/protocol/openid-connect/token", user);
  }

  /**
   * Directly at Keycloak, for tests about what a token does rather than how it was obtained, so
   * they do not spend the gateway's login allowance of the address all e2e tests share.
   */
  static JsonPath atKeycloak(TestUser user) {
    return passwordGrant(
        given().baseUri(TestStack.keycloakUrl()),
        "/realms/agora/protocol/openid-connect/token",
        user);
  }

  private static JsonPath passwordGrant(RequestSpecification request, String path, TestUser user) {
    return request
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", KeycloakTestRealm.APP_CLIENT)
        .formParam("scope", "openid")
        .formParam("username", user.username())
        .formParam("password", user.password())
        .post(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
