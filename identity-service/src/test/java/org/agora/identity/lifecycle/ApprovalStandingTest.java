package org.agora.identity.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountEvent;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * An account that signed up while sign-ups were throttled (Keycloak attribute {@code agora_state} =
 * pending_approval) may read but not follow, block or edit its profile until {@code
 * AccountApproved} arrives on the log.
 */
@QuarkusTest
class ApprovalStandingTest {
  @Test
  void aPendingAccountIsReadOnlyUntilApproved() throws Exception {
    TestUser pending = KeycloakTestRealm.verifiedUser("pending");
    TestUser target = KeycloakTestRealm.verifiedUser("target");
    markPending(pending.id());
    String token = pending.accessToken();
    SuspensionTest.enrol(target.accessToken());

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/verify_credentials")
        .then()
        .statusCode(200)
        .body("id", equalTo(pending.id()));
    given()
        .auth()
        .oauth2(token)
        .post("/api/v1/accounts/" + target.id() + "/follow")
        .then()
        .statusCode(403)
        .body("error", containsString("approval"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"Early\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(403)
        .body("error", containsString("approval"));

    AccountId account = new AccountId(UUID.fromString(pending.id()));
    var approved = new AccountApproved(account, new AccountId(UUID.randomUUID()), Instant.now());
    KafkaTopicProbe.sendEvent(
        AccountEvent.TOPIC, pending.id(), AccountApproved.TYPE, EventCodec.encode(approved));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .post("/api/v1/accounts/" + target.id() + "/follow")
                    .then()
                    .statusCode(200)
                    .body("following", equalTo(true)));
  }

  /** Test code only: what sign-up does when it admits an account for approval. */
  private static void markPending(String userId) throws Exception {
    var http = HttpClient.newHttpClient();
    var json = new ObjectMapper();
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + TestStack.keycloakAdminPassword();
    var login =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String admin = json.readTree(login.body()).get("access_token").asText();
    URI user = URI.create(TestStack.keycloakUrl() + "/admin/realms/agora/users/" + userId);
    var current =
        http.send(
            HttpRequest.newBuilder(user).header("Authorization", "Bearer " + admin).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    ObjectNode representation = (ObjectNode) json.readTree(current.body());
    representation.putObject("attributes").putArray("agora_state").add("pending_approval");
    var updated =
        http.send(
            HttpRequest.newBuilder(user)
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(representation)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (updated.statusCode() / 100 != 2) {
      throw new IllegalStateException("marking pending: " + updated.statusCode() + updated.body());
    }
  }
}
