package org.agora.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountEmailVerified;
import org.agora.events.accounts.AccountErasureRequested;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountRejected;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.audit.SecurityEventRecorded;
import org.agora.events.crypto.AppealCapability;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.events.sessions.SessionsEnded;
import org.junit.jupiter.api.Test;

/** The identity, graph, decision and audit streams: every type has a schema its bytes meet. */
class StreamContractsTest {
  private static final AccountId ALICE = AccountId.parse("3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e");
  private static final AccountId BOB = AccountId.parse("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  private static final PostId POST = PostId.parse("0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012");
  private static final Instant AT = Instant.parse("2026-11-29T20:00:00Z");
  private static final EncryptedContent SEALED =
      new EncryptedContent("A256GCM", "AAECAwQFBgcICQoL", "c2VhbGVk");
  private static final StatementOfReasons REASONS =
      new StatementOfReasons(
          "account:" + BOB.value(),
          "violence",
          StatementOfReasons.ILLEGAL_CONTENT,
          "community.violence.incitement",
          "StGB §111",
          "Calls on readers to attack a named group.",
          StatementOfReasons.SOURCE_REPORT,
          false,
          false,
          StatementOfReasons.FULL_REDRESS,
          List.of(UUID.fromString("0190f3a2-0000-7000-8000-000000000009")));

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyWireTypeHasACommittedSchema() {
    assertThat(EventCodec.types()).hasSizeGreaterThan(20);
    for (String type : EventCodec.types().keySet()) {
      assertThat(EventCodec.class.getResource("/schemas/" + type + ".json")).as(type).isNotNull();
    }
  }

  @Test
  void theNewStreamsRoundTripAndMeetTheirSchemas() throws IOException {
    var decision = UUID.fromString("0190f3a2-0000-7000-8000-000000000001");
    List<AgoraEvent> events =
        List.of(
            new AccountRegistered(ALICE, "alice", AccountRegistered.PENDING_APPROVAL, AT),
            new AccountEmailVerified(ALICE, AT),
            new AccountApproved(ALICE, BOB, AT),
            new AccountRejected(ALICE, BOB, AT),
            new AccountProfileChanged(ALICE, SEALED, null, AT),
            new AccountErasureRequested(ALICE, AT),
            new AccountKeyIssued(ALICE, "kek-1", "d3JhcHBlZA=="),
            new AccountFollowed(ALICE, BOB, AT),
            new AccountUnfollowed(ALICE, BOB, AT),
            new PostLabeled(decision, POST, REASONS, AT),
            new PostUnlabeled(decision, POST, REASONS, AT),
            new PostRemoved(decision, POST, "community.violence.incitement", AT, REASONS),
            new AccountSuspensionDecided(decision, ALICE, AT.plusSeconds(86_400), REASONS, AT),
            new AccountReinstatementDecided(decision, ALICE, REASONS, AT),
            new AccountSuspended(
                ALICE, decision, null, AT, AppealCapability.hash(AppealCapability.issue())),
            new AccountSuspended(ALICE, decision, AT.plusSeconds(86_400), AT),
            SessionsEnded.allBefore(ALICE, AT, SessionsEnded.REASON_SUSPENDED),
            SessionsEnded.session(ALICE, "6c1f0b2e-sid", AT, SessionsEnded.REASON_LOGOUT),
            SessionsEnded.token(ALICE, "onrtac:9b1d-jti", AT, SessionsEnded.REASON_REVOKED),
            new SecurityEventRecorded(
                "kc-1",
                "LOGIN_ERROR",
                ALICE,
                null,
                "agora-app",
                "invalid_user_credentials",
                null,
                AT));

    for (AgoraEvent event : events) {
      byte[] bytes = EventCodec.encode(event);
      assertThat(EventCodec.decode(event.type(), bytes)).as(event.type()).isEqualTo(event);
      assertThat(schema(event.type()).validate(json.readTree(bytes))).as(event.type()).isEmpty();
    }
  }

  @Test
  void noIdentityEventCarriesAnEmailAddressOrPlainProfileText() {
    var registered = new AccountRegistered(ALICE, "alice", AccountRegistered.ACTIVE, AT);
    var profile = new AccountProfileChanged(ALICE, SEALED, SEALED, AT);

    String bytes =
        new String(EventCodec.encode(registered), StandardCharsets.UTF_8)
            + new String(EventCodec.encode(profile), StandardCharsets.UTF_8);

    assertThat(bytes).doesNotContain("@").doesNotContain("email");
  }

  @Test
  void aRejectionNamesTheAccountAndTheModeratorOnly() {
    var rejected = new AccountRejected(ALICE, BOB, AT);

    assertThat(new String(EventCodec.encode(rejected), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"accountId\":\"3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e\","
                + "\"rejectedBy\":\"7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                + "\"rejectedAt\":\"2026-11-29T20:00:00Z\"}");
  }

  @Test
  void aSuspensionRecordsTheAppealCapabilityHashOnlyAndTheSchemaRefusesAnythingElse()
      throws IOException {
    String capability = AppealCapability.issue();
    var suspended =
        new AccountSuspended(
            ALICE,
            UUID.fromString("0190f3a2-0000-7000-8000-000000000001"),
            null,
            AT,
            AppealCapability.hash(capability));
    String bytes = new String(EventCodec.encode(suspended), StandardCharsets.UTF_8);

    assertThat(bytes)
        .contains("\"appealCapabilityHash\":\"sha256:")
        .doesNotContain(capability)
        .doesNotContain("@");
    var plain = json.readTree(bytes.replace(AppealCapability.hash(capability), capability));
    assertThat(schema(AccountSuspended.TYPE).validate(plain)).isNotEmpty();
  }

  @Test
  void aSuspensionFromBeforeTheAppealCapabilityStillParsesAndMeetsTheSchema() throws IOException {
    byte[] old;
    try (InputStream in =
        StreamContractsTest.class.getResourceAsStream(
            "/fixtures/agora.account.suspended.v1.json")) {
      old = in.readAllBytes();
    }

    var event = (AccountSuspended) EventCodec.decode(AccountSuspended.TYPE, old);

    assertThat(event.accountId()).isEqualTo(ALICE);
    assertThat(event.decisionId())
        .isEqualTo(UUID.fromString("0190f3a2-0000-7000-8000-000000000001"));
    assertThat(event.until()).isNull();
    assertThat(event.appealCapabilityHash()).isNull();
    assertThat(schema(AccountSuspended.TYPE).validate(json.readTree(old))).isEmpty();
    // Re-encoding an old event writes no field it did not have.
    assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8))
        .doesNotContain("appealCapabilityHash");
  }

  @Test
  void aRemovalWithoutReasonsStillMeetsTheSchema() throws IOException {
    var removed = new PostRemoved(UUID.randomUUID(), POST, "community.spam", AT);

    assertThat(schema(removed.type()).validate(json.readTree(EventCodec.encode(removed))))
        .isEmpty();
    assertThat(removed.reasons()).isNull();
  }

  private static JsonSchema schema(String type) throws IOException {
    try (InputStream in = EventCodec.class.getResourceAsStream("/schemas/" + type + ".json")) {
      assertThat(in).as("schema for " + type).isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @Test
  void aCutOffNamesASessionOrATokenNotBoth() throws IOException {
    assertThatThrownBy(
            () -> new SessionsEnded(ALICE, "sid", "jti", AT, SessionsEnded.REASON_LOGOUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            schema(SessionsEnded.TYPE)
                .validate(
                    json.readTree(
                        "{\"accountId\":\""
                            + ALICE.value()
                            + "\",\"sessionId\":\"s\","
                            + "\"tokenId\":\"t\",\"endedAt\":\"2026-11-29T20:00:00Z\","
                            + "\"reason\":\"logout\"}")))
        .isNotEmpty();
  }
}
