package org.agora.moderation;

import static io.restassured.RestAssured.given;
import static org.agora.moderation.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.crypto.AppealCapability;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.reports.AppealFiled;
import org.agora.events.reports.ReportEvent;
import org.agora.testing.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A suspended account, which cannot log in, reads its statement and appeals with the capability
 * identity mailed it (its hash on {@code identity.accounts}); on the real stack.
 */
@QuarkusTest
class SuspensionAppealTest {
  private static final String STATEMENTS = "/api/agora/v1/moderation/statements/";
  private static final String APPEALS = "/api/agora/v1/moderation/appeals";
  private static final String HEADER = "Agora-Appeal-Capability";
  private static final String MISMATCH = "capability: does not match this decision";

  /** A suspension as moderation decided it and identity applied it, with a known capability. */
  private record Suspension(AccountId account, UUID decisionId, String capability) {}

  private static Suspension suspend(TestUser moderator) {
    // NOTE: an account Keycloak does not know, so no running identity-service acts on it.
    var account = new AccountId(UUID.randomUUID());
    var decisionId = UUID.randomUUID();
    String capability = AppealCapability.issue();
    Instant now = Instant.now();
    Fixtures.send(
        ModerationDecision.TOPIC,
        new AccountSuspensionDecided(decisionId, account, null, reasons(moderator), now),
        account.toString());
    Fixtures.send(
        AccountEvent.TOPIC,
        new AccountSuspended(account, decisionId, null, now, AppealCapability.hash(capability)),
        account.toString());
    var suspension = new Suspension(account, decisionId, capability);
    // Both projections (decisions, accounts) have it once the capability opens the statement.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                anonymous()
                    .header(HEADER, capability)
                    .get(STATEMENTS + decisionId)
                    .then()
                    .statusCode(200));
    return suspension;
  }

  @Test
  void theCapabilityOpensTheStatementAndFilesAnAppealThatAnotherModeratorReverses() {
    TestUser moderator = Fixtures.moderator();
    TestUser other = Fixtures.otherModerator();
    Suspension s = suspend(moderator);

    anonymous()
        .header(HEADER, s.capability())
        .get(STATEMENTS + s.decisionId())
        .then()
        .statusCode(200)
        .body("decisionId", equalTo(s.decisionId().toString()))
        .body("policyClause", equalTo("terms.harassment"))
        .body("facts", equalTo("Repeated harassment of another user."))
        .body("appealUntil", notNullValue());

    String appealId =
        anonymous()
            .body(appeal(s.decisionId(), s.capability(), "I was not the one writing these."))
            .post(APPEALS)
            .then()
            .statusCode(201)
            .body("decisionId", equalTo(s.decisionId().toString()))
            .body("status", equalTo("open"))
            .extract()
            .path("id");
    byte[] filedBytes = Fixtures.recordsWith(ReportEvent.TOPIC, appealId, 1).getFirst().value();
    var filed = EventCodec.decode(AppealFiled.class, filedBytes);
    assertThat(filed.appellantId()).isEqualTo(s.account());
    assertThat(filed.decisionId()).isEqualTo(s.decisionId());
    assertThat(new String(filedBytes, StandardCharsets.UTF_8)).doesNotContain(s.capability());

    String decide = "{\"outcome\":\"reversed\",\"facts\":\"The account was taken over.\"}";
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                json(moderator)
                    .body(decide)
                    .post(APPEALS + "/" + appealId + "/decision")
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("another moderator")));
    // Projected now: one open appeal per decision, with a capability as with a login.
    anonymous()
        .body(appeal(s.decisionId(), s.capability(), "Again."))
        .post(APPEALS)
        .then()
        .statusCode(409);
    String reinstatementId =
        json(other)
            .body(decide)
            .post(APPEALS + "/" + appealId + "/decision")
            .then()
            .statusCode(200)
            .body("outcome", equalTo("reversed"))
            .extract()
            .path("compensatingDecisionId");
    var reinstated =
        EventCodec.decode(
            AccountReinstatementDecided.class,
            Fixtures.recordsWith(ModerationDecision.TOPIC, reinstatementId, 1).getFirst().value());
    assertThat(reinstated.accountId()).isEqualTo(s.account());
    assertThat(reinstated.reasons().actor()).isEqualTo("account:" + other.id());
  }

  @Test
  void aWrongForeignOrMissingCapabilityIsRefused() {
    TestUser moderator = Fixtures.moderator();
    Suspension s = suspend(moderator);
    Suspension another = suspend(moderator);

    // neither a token nor a capability
    anonymous().get(STATEMENTS + s.decisionId()).then().statusCode(401);
    anonymous()
        .body("{\"decisionId\":\"" + s.decisionId() + "\",\"text\":\"x\"}")
        .post(APPEALS)
        .then()
        .statusCode(401);
    anonymous().body(appeal(s.decisionId(), " ", "x")).post(APPEALS).then().statusCode(401);

    // a wrong capability, and the capability of another decision
    for (String wrong : new String[] {AppealCapability.issue(), another.capability()}) {
      anonymous()
          .header(HEADER, wrong)
          .get(STATEMENTS + s.decisionId())
          .then()
          .statusCode(403)
          .contentType(containsString("application/problem+json"))
          .body("detail", equalTo(MISMATCH));
      anonymous()
          .body(appeal(s.decisionId(), wrong, "Please."))
          .post(APPEALS)
          .then()
          .statusCode(403)
          .contentType(containsString("application/problem+json"))
          .body("detail", equalTo(MISMATCH));
    }
    // a capability for a decision that does not exist
    anonymous()
        .header(HEADER, s.capability())
        .get(STATEMENTS + UUID.randomUUID())
        .then()
        .statusCode(404);

    // the right capability: the other rules still hold (blank text), named by field
    anonymous()
        .body(appeal(s.decisionId(), s.capability(), "  "))
        .post(APPEALS)
        .then()
        .statusCode(422)
        .body("detail", equalTo("text: can't be blank"));

    // a token that is sent must be valid, capability or not
    given()
        .auth()
        .oauth2("not-a-token")
        .contentType(ContentType.JSON)
        .body(appeal(s.decisionId(), s.capability(), "Please."))
        .post(APPEALS)
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2("not-a-token")
        .header(HEADER, s.capability())
        .get(STATEMENTS + s.decisionId())
        .then()
        .statusCode(401);

    // a login that is not the affected account reads nothing without the capability
    json(Fixtures.user("nosy")).get(STATEMENTS + s.decisionId()).then().statusCode(404);
  }

  private static RequestSpecification anonymous() {
    return given().contentType(ContentType.JSON);
  }

  private static String appeal(UUID decisionId, String capability, String text) {
    return "{\"decisionId\":\""
        + decisionId
        + "\",\"capability\":\""
        + capability
        + "\",\"text\":\""
        + text
        + "\"}";
  }

  private static StatementOfReasons reasons(TestUser moderator) {
    return new StatementOfReasons(
        "account:" + moderator.id(),
        "harassment",
        StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
        "terms.harassment",
        null,
        "Repeated harassment of another user.",
        StatementOfReasons.SOURCE_MODERATOR,
        false,
        false,
        StatementOfReasons.FULL_REDRESS,
        null);
  }
}
