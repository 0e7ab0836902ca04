package org.agora.testing;

/** A Keycloak user made for one test, with the means to log in as it. */
public record TestUser(String id, String username, String email, String password) {
  /** An access token from a password grant against the realm's public app client. */
  public String accessToken() {
    return KeycloakTestRealm.passwordGrant(username, password);
  }
}
