package org.agora.identity.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.agora.events.EventCodec;
import org.agora.events.audit.AuditEvent;
import org.agora.events.audit.SecurityEventRecorded;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's brute-force protection (realm: failureFactor 10, temporary lockout): ten wrong
 * passwords lock the account, and the locked account's answer to the right password is the same as
 * a wrong password's, so a guesser learns nothing.
 */
@QuarkusTest
class BruteForceTest {
  @Inject KeycloakAdmin keycloak;

  record Answer(int status, String body) {}

  static Answer login(String username, String password) throws Exception {
    String form =
        "grant_type=password&client_id=agora-app&username="
            + KeycloakAdmin.encode(username)
            + "&password="
            + KeycloakAdmin.encode(password);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.keycloakUrl()
                                + "/realms/agora/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  @Test
  void tenWrongPasswordsLockTheAccountWithTheSameAnswerAsAWrongPassword() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("guessed");
    try {
      Answer wrong = login(user.username(), "not-the-password-0");
      assertThat(wrong.status()).isEqualTo(400);
      for (int i = 1; i < 10; i++) {
        assertThat(login(user.username(), "not-the-password-" + i)).isEqualTo(wrong);
      }

      assertThat(
              keycloak
                  .get("/attack-detection/brute-force/users/" + user.id())
                  .path("disabled")
                  .asBoolean())
          .isTrue();
      // The right password now: refused exactly like a wrong one.
      assertThat(login(user.username(), user.password())).isEqualTo(wrong);

      // Auditors see the lockout.
      var lockouts =
          KafkaTopicProbe.records(
              AuditEvent.TOPIC,
              r ->
                  user.id().equals(r.key())
                      && EventCodec.decode(SecurityEventRecorded.class, r.value())
                          .kind()
                          .equals("USER_DISABLED_BY_TEMPORARY_LOCKOUT"),
              1,
              Duration.ofSeconds(30));
      assertThat(lockouts).isNotEmpty();
    } finally {
      keycloak.call("DELETE", "/attack-detection/brute-force/users/" + user.id(), null);
    }
    assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
  }
}
