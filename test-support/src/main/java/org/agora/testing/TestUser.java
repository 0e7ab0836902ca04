package org.agora.testing;

/**
 * A Keycloak user made for one test, with the means to log in as it; {@code totpSecret} is set for
 * users with a second factor (staff).
 */
public record TestUser(
    String id, String username, String email, String password, byte[] totpSecret) {
  public TestUser(String id, String username, String email, String password) {
    this(id, username, email, password, null);
  }

  /**
   * An access token from a password grant against the realm's public app client; for a user with a
   * second factor, a login with the current TOTP code (its {@code amr} says {@code otp}).
   */
  public String accessToken() {
    return totpSecret == null
        ? KeycloakTestRealm.passwordGrant(username, password)
        : KeycloakTestRealm.secondFactorGrant(this);
  }
}
