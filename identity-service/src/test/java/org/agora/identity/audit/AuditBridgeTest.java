package org.agora.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.agora.events.EventCodec;
import org.agora.events.audit.AuditEvent;
import org.agora.events.audit.SecurityEventRecorded;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Keycloak's login and admin events reach identity.audit, without private data. */
@QuarkusTest
class AuditBridgeTest {
  @Inject KeycloakAdmin keycloak;

  static int passwordGrant(String username, String password) throws Exception {
    String form =
        "grant_type=password&client_id=agora-app&username="
            + KeycloakAdmin.encode(username)
            + "&password="
            + KeycloakAdmin.encode(password);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloakUrl() + "/realms/agora/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** At least one copy: every running identity-service instance copies Keycloak's events. */
  static List<SecurityEventRecorded> audit(String accountId, String kind) {
    return KafkaTopicProbe.records(
            AuditEvent.TOPIC,
            r ->
                accountId.equals(r.key())
                    && kind.equals(
                        EventCodec.decode(SecurityEventRecorded.class, r.value()).kind()),
            1,
            Duration.ofSeconds(30))
        .stream()
        .map(r -> EventCodec.decode(SecurityEventRecorded.class, r.value()))
        .toList();
  }

  @Test
  void aFailedLoginReachesTheAuditTopic() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("audited");
    // Keycloak 26 answers a wrong password with 400 invalid_grant.
    assertThat(passwordGrant(user.username(), "wrong-password-123")).isEqualTo(400);

    var records = audit(user.id(), "LOGIN_ERROR");
    assertThat(records).isNotEmpty();
    var record = records.get(0);
    assertThat(record.error()).isEqualTo("invalid_user_credentials");
    assertThat(record.clientId()).isEqualTo("agora-app");
    String wire = new String(EventCodec.encode(record), StandardCharsets.UTF_8);
    assertThat(wire).doesNotContain(user.email()).doesNotContain("127.0.0.1");
    assertThat(wire).doesNotContain("wrong-password-123");
  }

  @Test
  void aRoleChangeReachesTheAuditTopic() {
    TestUser user = KeycloakTestRealm.verifiedUser("promoted");
    var role = keycloak.get("/roles/moderator");
    assertThat(
            keycloak
                .call("POST", "/users/" + user.id() + "/role-mappings/realm", List.of(role))
                .status())
        .isEqualTo(204);

    var records = audit(user.id(), "ADMIN_REALM_ROLE_MAPPING_CREATE");
    assertThat(records).isNotEmpty();
    assertThat(records.get(0).detail()).contains("roles=moderator");
    assertThat(records.get(0).actorId()).isNotNull();
    assertThat(new String(EventCodec.encode(records.get(0)), StandardCharsets.UTF_8))
        .doesNotContain(user.email());
  }
}
