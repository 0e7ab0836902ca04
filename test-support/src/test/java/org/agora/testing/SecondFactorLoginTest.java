package org.agora.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Against the real realm: which logins the token says used a second factor. */
class SecondFactorLoginTest {
  @Test
  void aStaffLoginWithTotpSaysOtpInAmr() throws Exception {
    TestUser staff = KeycloakTestRealm.staffUser("mfa", "moderator");

    JsonNode claims = claims(staff.accessToken());

    assertThat(claims.path("amr").toString()).contains("\"otp\"").contains("\"pwd\"");
    assertThat(claims.path("realm_access").path("roles").toString()).contains("moderator");
  }

  @Test
  void aPasswordOnlyLoginDoesNotSayOtp() throws Exception {
    TestUser moderator = KeycloakTestRealm.verifiedUser("pwonly", "moderator");

    JsonNode claims = claims(moderator.accessToken());

    assertThat(claims.path("amr").toString()).contains("\"pwd\"").doesNotContain("otp");
  }

  @Test
  void aUserWithAnAuthenticatorCannotLogInWithThePasswordAlone() {
    TestUser staff = KeycloakTestRealm.staffUser("mfa", "admin");

    var refused =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> KeycloakTestRealm.passwordGrant(staff.username(), staff.password()));

    assertThat(refused).hasMessageContaining("400").hasMessageContaining("invalid_grant");
  }

  @Test
  void totpCodesFollowRfc6238() {
    byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
  }

  private static JsonNode claims(String token) throws Exception {
    String payload = token.split("\\.")[1];
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
  }
}
