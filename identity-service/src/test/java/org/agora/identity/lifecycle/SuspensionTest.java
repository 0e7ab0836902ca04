package org.agora.identity.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.crypto.AppealCapability;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.EndedSessions;
import org.agora.identity.projection.PendingNotice;
import org.agora.identity.signup.Mailbox;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Suspensions from moderation.decisions, applied to the real Keycloak and recorded on the log. */
@QuarkusTest
class SuspensionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern CAPABILITY = Pattern.compile("Capability: ([A-Za-z0-9_-]{43})");

  @Inject NoticeOutbox outbox;

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
    // Every token issued before the suspension is cut off through identity.sessions.
    var cutoffs =
        EndedSessions.of(user.id(), EndedSessions.allBefore(SessionsEnded.REASON_SUSPENDED));
    assertThat(cutoffs).isNotEmpty();
    assertThat(cutoffs.getFirst().endedAt()).isBefore(Instant.now());
    EndedSessions.awaitRefused(token, WAIT);
    // NOTE: another identity-service on the stack (its own database) applies the decision too,
    // once per instance; a redelivery adds nothing.
    var once = suspensionsOf(user, 2);
    assertThat(once).isNotEmpty();
    assertThat(once).allSatisfy(e -> assertThat(e.decisionId()).isEqualTo(decisionId));
    assertThat(once).allSatisfy(e -> assertThat(e.until()).isNull());
    send(account, decided);

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
    // The redelivery sits before the reinstatement on the account's partition.
    assertThat(suspensionsOf(user, once.size() + 1)).hasSameSizeAs(once);
    assertThat(
            KafkaTopicProbe.records(
                AccountEvent.TOPIC,
                r ->
                    user.id().equals(r.key())
                        && AccountReinstated.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
                1,
                WAIT))
        .isNotEmpty();
  }

  @Test
  void aSuspensionMailsTheAppealCapabilityOnceAndRecordsOnlyItsHash() {
    TestUser user = KeycloakTestRealm.verifiedUser("appellant");
    enrol(user.accessToken());
    AccountId account = new AccountId(UUID.fromString(user.id()));
    UUID decisionId = UUID.randomUUID();
    Instant until = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    var decided =
        new AccountSuspensionDecided(decisionId, account, until, reasons(), Instant.now());

    send(account, decided);
    await().atMost(WAIT).until(() -> !suspensionsOf(user, decisionId, 1).isEmpty());
    var suspended = suspensionsOf(user, decisionId, 1);
    List<String> hashes = suspended.stream().map(AccountSuspended::appealCapabilityHash).toList();
    assertThat(hashes).allMatch(h -> h.matches("sha256:[0-9a-f]{64}"));
    await().atMost(WAIT).until(() -> !noticesTo(user, decisionId, 1).isEmpty());
    String mail = noticesTo(user, decisionId, 1).getFirst();
    assertThat(mail)
        .contains("until " + until)
        .contains("/api/agora/v1/moderation/statements/" + decisionId)
        .contains("/api/agora/v1/moderation/appeals")
        .contains("Agora-Appeal-Capability");
    String capability = capability(mail);
    assertThat(hashes).contains(AppealCapability.hash(capability));
    assertThat(String.join(",", hashes)).doesNotContain(capability);

    // Delivered again, then a reinstatement behind it on the same partition: once that is applied,
    // the redelivery was too, and it added neither an event nor a mail.
    send(account, decided);
    send(
        account,
        new AccountReinstatementDecided(UUID.randomUUID(), account, reasons(), Instant.now()));
    await().atMost(WAIT).until(() -> loginWorks(user));
    // NOTE: another identity-service on the stack (its own database) applies the decision once
    // too; each application mails its own capability, so mails and events stay one to one.
    var after = suspensionsOf(user, decisionId, suspended.size() + 1);
    var mailsAfter = noticesTo(user, decisionId, after.size() + 1);
    assertThat(mailsAfter).hasSameSizeAs(after);
    assertThat(mailsAfter.stream().map(m -> AppealCapability.hash(capability(m))).toList())
        .containsExactlyInAnyOrderElementsOf(
            after.stream().map(AccountSuspended::appealCapabilityHash).toList());
  }

  static List<AccountSuspended> suspensionsOf(TestUser user, int n) {
    return KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && AccountSuspended.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            n,
            Duration.ofSeconds(10))
        .stream()
        .map(r -> (AccountSuspended) EventCodec.decode(AccountSuspended.TYPE, r.value()))
        .toList();
  }

  private static List<AccountSuspended> suspensionsOf(TestUser user, UUID decisionId, int n) {
    return KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && AccountSuspended.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            n,
            Duration.ofSeconds(10))
        .stream()
        .map(r -> (AccountSuspended) EventCodec.decode(AccountSuspended.TYPE, r.value()))
        // NOTE: a stack identity-service built before the capability appends one without a hash.
        .filter(e -> decisionId.equals(e.decisionId()) && e.appealCapabilityHash() != null)
        .toList();
  }

  /** The bodies of the suspension notices for this decision, quoted-printable undone. */
  private static List<String> noticesTo(TestUser user, UUID decisionId, int n) {
    return Mailbox.mails(user.email(), n, Duration.ofSeconds(5)).stream()
        .map(m -> m.body().replaceAll("=\\r?\\n", "").replace("=3D", "="))
        .filter(body -> body.contains(decisionId.toString()))
        .toList();
  }

  private static String capability(String mail) {
    Matcher matcher = CAPABILITY.matcher(mail);
    assertThat(matcher.find()).as("a capability in the mail").isTrue();
    return matcher.group(1);
  }

  @Test
  void aNoticeThatWasNotDeliveredIsSentAgainWithItsCapabilityUntilTheSuspensionEnds()
      throws Throwable {
    TestUser user = KeycloakTestRealm.verifiedUser("unlucky");
    enrol(user.accessToken());
    AccountId account = new AccountId(UUID.fromString(user.id()));
    UUID decisionId = UUID.randomUUID();
    send(
        account, new AccountSuspensionDecided(decisionId, account, null, reasons(), Instant.now()));
    await().atMost(WAIT).until(() -> !noticesTo(user, decisionId, 1).isEmpty());
    String capability = capability(noticesTo(user, decisionId, 1).getFirst());
    assertThat(suspensionsOf(user, decisionId, 1).stream().map(e -> e.appealCapabilityHash()))
        .contains(AppealCapability.hash(capability));
    // delivered: the notice kept with the suspension is gone
    await().atMost(WAIT).until(() -> pending(decisionId) == null);

    // The mail server was away: the notice stays kept, as the suspension's commit wrote it.
    keepDueNow(account, decisionId, capability);
    PendingNotice kept = pending(decisionId);
    assertThat(kept.sealedCapability).doesNotContain(capability);
    assertThat(kept.wrappedKey).doesNotContain(capability);

    VertxContextSupport.subscribeAndAwait(() -> outbox.sendDue());

    var mails = noticesTo(user, decisionId, 2);
    assertThat(mails).hasSize(2);
    assertThat(capability(mails.get(1))).isEqualTo(capability);
    assertThat(pending(decisionId)).isNull();

    // once the account is reinstated, a notice still kept is dropped unsent
    send(
        account,
        new AccountReinstatementDecided(UUID.randomUUID(), account, reasons(), Instant.now()));
    await().atMost(WAIT).until(() -> loginWorks(user));
    keepDueNow(account, decisionId, capability);
    VertxContextSupport.subscribeAndAwait(() -> outbox.sendDue());
    assertThat(pending(decisionId)).isNull();
    assertThat(noticesTo(user, decisionId, 3)).hasSize(2);
  }

  @Test
  void aFailedSendKeepsTheNoticeAndBacksOff() throws Throwable {
    TestUser user = KeycloakTestRealm.verifiedUser("offline");
    enrol(user.accessToken());
    AccountId account = new AccountId(UUID.fromString(user.id()));
    UUID decisionId = UUID.randomUUID();
    keepDueNow(account, decisionId, AppealCapability.issue());

    Instant before = Instant.now();
    VertxContextSupport.subscribeAndAwait(
        () -> outbox.settle(decisionId, AppealNotices.Outcome.FAILED));
    PendingNotice first = pending(decisionId);
    assertThat(first.attempts).isEqualTo(1);
    assertThat(first.nextAt).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
    VertxContextSupport.subscribeAndAwait(
        () -> outbox.settle(decisionId, AppealNotices.Outcome.FAILED));
    assertThat(pending(decisionId).attempts).isEqualTo(2);
    assertThat(pending(decisionId).nextAt).isAfter(before.plusSeconds(119));

    // an account without an address can never be told: the notice is not kept for ever
    VertxContextSupport.subscribeAndAwait(
        () -> outbox.settle(decisionId, AppealNotices.Outcome.UNDELIVERABLE));
    assertThat(pending(decisionId)).isNull();
  }

  private void keepDueNow(AccountId account, UUID decisionId, String capability) throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            session -> outbox.keep(session, account, decisionId, null, capability))
                        .chain(
                            () ->
                                PendingNotice.update(
                                    "nextAt = ?1 where decisionId = ?2",
                                    Instant.now().minusSeconds(1),
                                    decisionId))));
  }

  static PendingNotice pending(UUID decisionId) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () -> Panache.withSession(() -> PendingNotice.<PendingNotice>findById(decisionId)));
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
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
    // NOTE: one per identity-service instance applying it (the stack's may run too).
    assertThat(reinstated).isNotEmpty();
    assertThat(reinstated)
        .allSatisfy(
            r ->
                assertThat(
                        ((AccountReinstated) EventCodec.decode(AccountReinstated.TYPE, r.value()))
                            .decisionId())
                    .isNull());
  }

  @Test
  void aDecisionAboutAnErasedAccountIsPassedOverAndTheDecisionsAfterItApply() {
    // An account can be erased while a moderator decides about it: the decision must neither
    // stop the channel nor hold up the ones after it.
    TestUser leaver = KeycloakTestRealm.verifiedUser("erased_suspect");
    String leaverToken = leaver.accessToken();
    enrol(leaverToken);
    given()
        .auth()
        .oauth2(leaverToken)
        .contentType("application/json")
        .body("{\"password\":\"" + leaver.password() + "\"}")
        .delete("/api/agora/v1/identity/account")
        .then()
        .statusCode(200);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> given().get("/api/v1/accounts/" + leaver.id()).then().statusCode(404));
    AccountId gone = new AccountId(UUID.fromString(leaver.id()));
    UUID passedOver = UUID.randomUUID();
    send(gone, new AccountSuspensionDecided(passedOver, gone, null, reasons(), Instant.now()));

    TestUser next = KeycloakTestRealm.verifiedUser("next_suspect");
    enrol(next.accessToken());
    AccountId account = new AccountId(UUID.fromString(next.id()));
    send(
        account,
        new AccountSuspensionDecided(UUID.randomUUID(), account, null, reasons(), Instant.now()));
    await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(next::accessToken));
    assertThat(suspensionsOf(leaver, 1)).isEmpty();
  }

  @Test
  void aSuspendedAccountWhoseTokenStillPassesCannotFollow() {
    // Until the cut-off has crossed identity.sessions a token may live a moment: the projection
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

  static void send(AccountId account, AgoraEvent decision) {
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
