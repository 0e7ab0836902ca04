package org.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.agora.events.moderation.AppealDecided;
import org.agora.events.moderation.EvidenceAccessed;
import org.agora.events.moderation.EvidenceDestroyed;
import org.agora.events.moderation.EvidenceEscrowed;
import org.agora.events.moderation.ReportDismissed;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.reports.AppealFiled;
import org.agora.events.reports.ReportFiled;
import org.agora.events.reports.ReportKeyIssued;
import org.junit.jupiter.api.Test;

/** Reports, appeals and evidence escrow: every type round-trips and meets its schema. */
class ModerationContractsTest {
  private static final AccountId ALICE = AccountId.parse("3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e");
  private static final AccountId BOB = AccountId.parse("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  private static final PostId POST = PostId.parse("0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012");
  private static final UUID ID = UUID.fromString("0190f3a2-0000-7000-8000-000000000001");
  private static final UUID OTHER = UUID.fromString("0190f3a2-0000-7000-8000-000000000002");
  private static final Instant AT = Instant.parse("2026-11-29T20:00:00Z");
  private static final EncryptedContent SEALED =
      new EncryptedContent("A256GCM", "AAECAwQFBgcICQoL", "c2VhbGVk");
  private static final StatementOfReasons REASONS =
      new StatementOfReasons(
          "account:" + BOB.value(),
          "spam",
          StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
          "community.spam",
          null,
          "Nothing in the reported post breaks a rule.",
          StatementOfReasons.SOURCE_REPORT,
          false,
          false,
          List.of(),
          List.of(ID));

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void reportsAppealsAndEvidenceRoundTripAndMeetTheirSchemas() throws IOException {
    List<AgoraEvent> events =
        List.of(
            new ReportFiled(
                ID, ALICE, BOB, List.of(POST), "violence", List.of("1"), false, SEALED, AT),
            new ReportFiled(ID, ALICE, BOB, null, "other", null, true, null, AT),
            new AppealFiled(OTHER, ID, BOB, SEALED, AT),
            new ReportKeyIssued(ID, "mod-1", "d3JhcHBlZA=="),
            new EvidenceEscrowed(POST, ID, "mod-1", "d3JhcHBlZA==", AT, AT.plusSeconds(60)),
            new ReportDismissed(ID, BOB, POST, REASONS, AT),
            new AppealDecided(OTHER, ID, ID, AppealDecided.REVERSED, "account:x", "Satire.", AT),
            new EvidenceAccessed(ID, POST, "account:" + ALICE.value(), AT),
            new EvidenceDestroyed(ID, POST, AT));

    for (AgoraEvent event : events) {
      byte[] bytes = EventCodec.encode(event);
      assertThat(EventCodec.decode(event.type(), bytes)).as(event.type()).isEqualTo(event);
      assertThat(schema(event.type()).validate(json.readTree(bytes))).as(event.type()).isEmpty();
    }
  }

  @Test
  void aReportCarriesItsCommentOnlySealed() {
    var filed =
        new ReportFiled(ID, ALICE, BOB, List.of(POST), "threats", List.of(), false, SEALED, AT);

    String bytes = new String(EventCodec.encode(filed), StandardCharsets.UTF_8);

    assertThat(bytes).contains("\"comment\":{\"alg\":\"A256GCM\"");
  }

  @Test
  void anUnknownCategoryBreaksTheSchema() throws IOException {
    var filed = new ReportFiled(ID, ALICE, BOB, List.of(), "rudeness", null, false, null, AT);

    assertThat(schema(filed.type()).validate(json.readTree(EventCodec.encode(filed)))).isNotEmpty();
  }

  @Test
  void theEscrowRecordReadsAsAKeyRecord() {
    var escrow = new EvidenceEscrowed(POST, ID, "mod-1", "d3JhcHBlZA==", AT, AT);

    assertThat(EventCodec.wrappedKey(EventCodec.encode(escrow)))
        .isEqualTo(new EventCodec.WrappedKey("mod-1", "d3JhcHBlZA=="));
  }

  private static JsonSchema schema(String type) throws IOException {
    try (InputStream in = EventCodec.class.getResourceAsStream("/schemas/" + type + ".json")) {
      assertThat(in).as("schema for " + type).isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }
}
