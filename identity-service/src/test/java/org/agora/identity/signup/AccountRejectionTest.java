package org.agora.identity.signup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountRejected;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.EndedSessions;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.kit.auth.Caller;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Mastodon's {@code POST /api/v1/admin/accounts/:id/reject}: only staff with a second factor, only
 * an account awaiting approval, removed the way erasure removes one.
 */
@QuarkusTest
class AccountRejectionTest {
  @Inject KeycloakAdmin keycloak;

  @ConfigProperty(name = "agora.signup.max-per-minute")
  int maxPerMinute;

  private static String path(String id) {
    return "/api/v1/admin/accounts/" + id + "/reject";
  }

  @Test
  void aModeratorWithASecondFactorRejectsAPendingAccountAndNothingOfItIsLeft() {
    String id = MassSignupTest.pendingAccount(maxPerMinute);
    String username = keycloak.user(id).orElseThrow().path("username").asText();
    String token =
        new TestUser(id, username, username + "@example.test", SignupResourceTest.PASSWORD)
            .accessToken();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> given().get("/api/v1/accounts/" + id).then().statusCode(200));
    TestUser moderator = KeycloakTestRealm.staffUser("rejecter", "moderator");

    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post(path(id))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("username", equalTo(username))
        .body("approved", is(false));

    assertThat(keycloak.user(id)).isEmpty();
    given().get("/api/v1/accounts/" + id).then().statusCode(404);
    assertThat(EndedSessions.of(id, EndedSessions.allBefore(SessionsEnded.REASON_REJECTED)))
        .isNotEmpty();
    EndedSessions.awaitRefused(token, Duration.ofSeconds(10));

    var events =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                id.equals(r.key())
                    && List.of(AccountRejected.TYPE, AccountErased.TYPE)
                        .contains(KafkaTopicProbe.header(r, "ce_type")),
            2,
            Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaTopicProbe.header(r, "ce_type"))
        .containsSubsequence(AccountRejected.TYPE, AccountErased.TYPE);
    assertThat(events)
        .extracting(r -> KafkaTopicProbe.header(r, "ce_actor"))
        .containsOnly(moderator.id());
    var rejected =
        EventCodec.decode(
            AccountRejected.class,
            events.stream()
                .filter(r -> AccountRejected.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")))
                .findFirst()
                .orElseThrow()
                .value());
    assertThat(rejected.rejectedBy()).hasToString(moderator.id());
    assertThat(
            KafkaTopicProbe.records(
                AccountKeyIssued.TOPIC,
                r -> id.equals(r.key()) && r.value() == null,
                1,
                Duration.ofSeconds(20)))
        .isNotEmpty();

    // The account is gone, so a second reject finds nothing.
    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post(path(id))
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
  }

  @Test
  void anAccountNotAwaitingApprovalIsRefusedAndKept() {
    TestUser moderator = KeycloakTestRealm.staffUser("rejecter", "moderator");
    TestUser active = KeycloakTestRealm.verifiedUser("active");
    String approved = MassSignupTest.pendingAccount(maxPerMinute);
    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post("/api/v1/admin/accounts/" + approved + "/approve")
        .then()
        .statusCode(200);

    for (String id : List.of(active.id(), approved)) {
      given()
          .auth()
          .oauth2(moderator.accessToken())
          .post(path(id))
          .then()
          .statusCode(403)
          .body("error", equalTo(AccountApprovalResource.NOT_PENDING));
      assertThat(keycloak.user(id)).as(id).isPresent();
    }
    assertThat(state(approved)).isEqualTo(AccountRegistered.ACTIVE);
    given()
        .auth()
        .oauth2(active.accessToken())
        .get("/api/v1/accounts/verify_credentials")
        .then()
        .statusCode(200);
    assertNothingAppended(active.id());
    assertNothingAppended(approved);
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() {
    String token = KeycloakTestRealm.staffUser("rejecter", "admin").accessToken();
    for (String id : List.of("00000000-0000-4000-8000-000000000000", "nope", "1-2-3")) {
      given()
          .auth()
          .oauth2(token)
          .post(path(id))
          .then()
          .statusCode(404)
          .body("error", equalTo("Record not found"));
    }
  }

  @Test
  void onlyStaffWithASecondFactorReject() {
    String id = MassSignupTest.pendingAccount(maxPerMinute);
    String username = keycloak.user(id).orElseThrow().path("username").asText();
    TestUser pending =
        new TestUser(id, username, username + "@example.test", SignupResourceTest.PASSWORD);

    given().post(path(id)).then().statusCode(401);
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("plain").accessToken())
        .post(path(id))
        .then()
        .statusCode(403)
        .body("error", equalTo("This action needs the role moderator or admin"));
    given()
        .auth()
        .oauth2(pending.accessToken())
        .post(path(id))
        .then()
        .statusCode(403)
        .body("error", equalTo("This action needs the role moderator or admin"));
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("modnootp", "moderator").accessToken())
        .post(path(id))
        .then()
        .statusCode(403)
        .body("error", equalTo(Caller.SECOND_FACTOR_MESSAGE));

    assertThat(state(id)).isEqualTo(AccountRegistered.PENDING_APPROVAL);
    assertNothingAppended(id);
  }

  @Test
  void twoRejectsAtOnceRemoveTheAccountOnceAndNeitherFails() {
    String id = MassSignupTest.pendingAccount(maxPerMinute);
    String token = KeycloakTestRealm.staffUser("rejecter", "moderator").accessToken();

    var first =
        CompletableFuture.supplyAsync(
            () -> given().auth().oauth2(token).post(path(id)).then().extract().statusCode());
    var second =
        CompletableFuture.supplyAsync(
            () -> given().auth().oauth2(token).post(path(id)).then().extract().statusCode());

    assertThat(List.of(first.join(), second.join())).allMatch(s -> s == 200 || s == 404);
    assertThat(List.of(first.join(), second.join())).contains(200);
    assertThat(keycloak.user(id)).isEmpty();
    given().get("/api/v1/accounts/" + id).then().statusCode(404);
  }

  private String state(String id) {
    return keycloak
        .user(id)
        .orElseThrow()
        .path("attributes")
        .path(Signup.STATE_ATTRIBUTE)
        .path(0)
        .asText();
  }

  /** Waits a little: a refused reject must leave no trace on the log. */
  private static void assertNothingAppended(String id) {
    assertThat(
            KafkaTopicProbe.records(
                AccountEvent.TOPIC,
                r ->
                    id.equals(r.key())
                        && List.of(AccountRejected.TYPE, AccountErased.TYPE)
                            .contains(KafkaTopicProbe.header(r, "ce_type")),
                1,
                Duration.ofSeconds(3)))
        .as(id)
        .isEmpty();
  }
}
