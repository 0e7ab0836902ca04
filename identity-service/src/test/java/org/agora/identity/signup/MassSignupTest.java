package org.agora.identity.signup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountRegistered;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.kit.auth.Caller;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Above {@code agora.signup.max-per-minute} (3 in tests) new accounts await approval, and only
 * staff with a second factor may approve them.
 */
@QuarkusTest
class MassSignupTest {
  @Inject KeycloakAdmin keycloak;

  @ConfigProperty(name = "agora.signup.max-per-minute")
  int maxPerMinute;

  /** Signs up max + 1 accounts in a row: the last one is over the rate whatever ran before. */
  static String pendingAccount(int maxPerMinute) {
    String id = null;
    String state = null;
    for (int i = 0; i <= maxPerMinute; i++) {
      String handle = SignupResourceTest.fresh("burst");
      var answer =
          given()
              .contentType(ContentType.JSON)
              .body(
                  SignupResourceTest.body(
                      handle, handle + "@example.test", SignupResourceTest.PASSWORD))
              .post("/api/agora/v1/identity/accounts")
              .then()
              .statusCode(201)
              .extract();
      id = answer.path("id");
      state = answer.path("state");
    }
    assertThat(state).isEqualTo(AccountRegistered.PENDING_APPROVAL);
    return id;
  }

  @Test
  void aBurstOfSignUpsPutsNewAccountsIntoApprovalAndSaysSo() {
    String id = pendingAccount(maxPerMinute);
    assertThat(
            keycloak
                .user(id)
                .orElseThrow()
                .path("attributes")
                .path(Signup.STATE_ATTRIBUTE)
                .get(0)
                .asText())
        .isEqualTo(AccountRegistered.PENDING_APPROVAL);
    var records =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    assertThat(EventCodec.decode(AccountRegistered.class, records.get(0).value()).state())
        .isEqualTo(AccountRegistered.PENDING_APPROVAL);
  }

  @Test
  void onlyStaffWithASecondFactorApproveAndTheApprovalIsAnEvent() {
    String id = pendingAccount(maxPerMinute);
    String path = "/api/v1/admin/accounts/" + id + "/approve";

    given().post(path).then().statusCode(401);
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("plain").accessToken())
        .post(path)
        .then()
        .statusCode(403)
        .body("error", equalTo("This action needs the role moderator or admin"));
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("modnootp", "moderator").accessToken())
        .post(path)
        .then()
        .statusCode(403)
        .body("error", equalTo(Caller.SECOND_FACTOR_MESSAGE));

    TestUser moderator = KeycloakTestRealm.staffUser("approver", "moderator");
    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post(path)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("approved", is(true));

    var approvals =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                id.equals(r.key())
                    && AccountApproved.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            1,
            Duration.ofSeconds(20));
    assertThat(approvals).hasSize(1);
    var approved = EventCodec.decode(AccountApproved.class, approvals.get(0).value());
    assertThat(approved.approvedBy()).hasToString(moderator.id());
    assertThat(
            keycloak
                .user(id)
                .orElseThrow()
                .path("attributes")
                .path(Signup.STATE_ATTRIBUTE)
                .get(0)
                .asText())
        .isEqualTo(AccountRegistered.ACTIVE);

    // Once is enough; unknown accounts are not found.
    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post(path)
        .then()
        .statusCode(403)
        .body("error", equalTo("This account is not awaiting approval"));
    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post("/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000/approve")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(moderator.accessToken())
        .post("/api/v1/admin/accounts/nope/approve")
        .then()
        .statusCode(404);
  }
}
