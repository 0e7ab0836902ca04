package org.agora.identity.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Suspensions from moderation.decisions, applied to the real Keycloak and recorded on the log. */
@QuarkusTest
class SuspensionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aSuspensionDisablesTheLoginCutsTheTokenAndIsRecordedOnceAndReinstatementUndoesIt() {
    TestUser user = KeycloakTestRealm.verifiedUser("suspect");
    TestUser other = KeycloakTestRealm.verifiedUser("bystander");
    String token = user.accessToken();
    enrol(token);
    enrol(other.accessToken());
    AccountId account = new AccountId(UUID.fromString(user.id()));
    UUID decisionId = UUID.randomUUID();

    var decided = new AccountSuspensionDecided(decisionId, account, null, reasons(), Instant.now());
    send(account, decided);
    await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(user::accessToken));
    // The token issued before the suspension stops working at once (introspection).
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/accounts/verify_credentials")
                    .then()
                    .statusCode(401));
    // The same decision delivered again changes nothing.
    send(account, decided);
    var suspended =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && AccountSuspended.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            2,
            Duration.ofSeconds(10));
    assertThat(suspended).hasSize(1);
    var event =
        (AccountSuspended) EventCodec.decode(AccountSuspended.TYPE, suspended.get(0).value());
    assertThat(event.decisionId()).isEqualTo(decisionId);
    assertThat(event.until()).isNull();

    send(
        account,
        new AccountReinstatementDecided(UUID.randomUUID(), account, reasons(), Instant.now()));
    await().atMost(WAIT).until(() -> loginWorks(user));
    String fresh = user.accessToken();
    given()
        .auth()
        .oauth2(fresh)
        .post("/api/v1/accounts/" + other.id() + "/follow")
        .then()
        .statusCode(200);
    assertThat(
            KafkaTopicProbe.records(
                AccountEvent.TOPIC,
                r ->
                    user.id().equals(r.key())
                        && AccountReinstated.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
                1,
                WAIT))
        .hasSize(1);
  }

  @Test
  void aTemporarySuspensionEndsByItself() {
    TestUser user = KeycloakTestRealm.verifiedUser("timeout");
    enrol(user.accessToken());
    AccountId account = new AccountId(UUID.fromString(user.id()));
    send(
        account,
        new AccountSuspensionDecided(
            UUID.randomUUID(), account, Instant.now().plusSeconds(6), reasons(), Instant.now()));
    await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(user::accessToken));
    await().atMost(WAIT).until(() -> loginWorks(user));
    var reinstated =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && AccountReinstated.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            1,
            WAIT);
    assertThat(reinstated).hasSize(1);
    var event =
        (AccountReinstated) EventCodec.decode(AccountReinstated.TYPE, reinstated.get(0).value());
    assertThat(event.decisionId()).isNull();
  }

  @Test
  void aSuspendedAccountWhoseTokenStillPassesCannotFollow() {
    // Between projection and introspection caches a token may live a moment: the projection
    // refuses on its own.
    TestUser user = KeycloakTestRealm.verifiedUser("muted");
    TestUser target = KeycloakTestRealm.verifiedUser("target");
    enrol(target.accessToken());
    String token = user.accessToken();
    enrol(token);
    AccountId account = new AccountId(UUID.fromString(user.id()));
    send(
        account,
        new AccountSuspensionDecided(UUID.randomUUID(), account, null, reasons(), Instant.now()));
    await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(user::accessToken));
    // NOTE: Keycloak refuses logins as soon as the user is disabled; the projection commits a
    // moment later (after the append), so the refusal is awaited, not assumed at once.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .post("/api/v1/accounts/" + target.id() + "/follow")
                    .then()
                    .statusCode(anyOf(is(401), is(403))));
    given()
        .auth()
        .oauth2(target.accessToken())
        .queryParam("id[]", user.id())
        .get("/api/v1/accounts/relationships")
        .then()
        .statusCode(200)
        .body(containsString("\"followed_by\":false"));
  }

  static StatementOfReasons reasons() {
    return new StatementOfReasons(
        "system:test",
        "violence",
        StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
        "terms-3.1",
        null,
        "test suspension",
        StatementOfReasons.SOURCE_MODERATOR,
        false,
        false,
        StatementOfReasons.FULL_REDRESS,
        null);
  }

  private static void send(AccountId account, AgoraEvent decision) {
    KafkaTopicProbe.sendEvent(
        ModerationDecision.TOPIC, account.toString(), decision.type(), EventCodec.encode(decision));
  }

  private static boolean loginWorks(TestUser user) {
    try {
      user.accessToken();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  static void enrol(String token) {
    given().auth().oauth2(token).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
  }
}
