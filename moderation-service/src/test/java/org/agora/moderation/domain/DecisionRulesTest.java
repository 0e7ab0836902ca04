package org.agora.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.StatementOfReasons;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private final DecisionRules rules = new DecisionRules(Clock.fixed(NOW, ZoneOffset.UTC));
  private static final String POST = "0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012";

  private static DecisionCommand command(
      String action,
      String category,
      String ground,
      String clause,
      String legal,
      String facts,
      String until) {
    return new DecisionCommand(
        action, POST, List.of(), category, ground, clause, legal, facts, until);
  }

  @Test
  void aRemovalCarriesAFullStatementOfReasons() {
    var checked =
        rules.check(
            command(
                "remove_post",
                "violence",
                "illegal_content",
                "community.violence",
                "StGB §111",
                "Calls to attack.",
                null));
    UUID id = UUID.randomUUID();
    var author = new AccountId(UUID.randomUUID());

    var event = (PostRemoved) rules.decide(checked, id, "account:m", author, "automated", true);

    assertThat(event.decisionId()).isEqualTo(id);
    assertThat(event.removedAt()).isEqualTo(NOW);
    assertThat(event.reasons().actor()).isEqualTo("account:m");
    assertThat(event.reasons().legalGround()).isEqualTo("StGB §111");
    assertThat(event.reasons().automatedDetection()).isTrue();
    assertThat(event.reasons().automatedDecision()).isFalse();
    assertThat(event.reasons().redress()).isEqualTo(StatementOfReasons.FULL_REDRESS);
  }

  @Test
  void missingOrBadFieldsAreNamed() {
    assertRejected(
        command("remove_post", "violence", "incompatible_with_terms", "c", null, " ", null),
        "facts");
    assertRejected(
        command("remove_post", "violence", "incompatible_with_terms", null, null, "f", null),
        "policyClause");
    assertRejected(
        command("remove_post", "violence", "illegal_content", "c", null, "f", null), "legalGround");
    assertRejected(
        command("burn_post", "violence", "incompatible_with_terms", "c", null, "f", null),
        "action");
    assertRejected(
        command("remove_post", "rudeness", "incompatible_with_terms", "c", null, "f", null),
        "category");
    assertRejected(command("remove_post", "spam", "because", "c", null, "f", null), "groundType");
    assertRejected(
        command(
            "remove_post", "spam", "incompatible_with_terms", "c", null, "x".repeat(5001), null),
        "at most 5000");
    // a statement of reasons is published: nothing in it may disguise what it says
    assertRejected(
        command("remove_post", "spam", "incompatible_with_terms", "c", null, "a\u202Eb", null),
        "facts: bidirectional override U+202E at character 2");
    assertRejected(
        command("remove_post", "spam", "incompatible_with_terms", "c\nd", null, "f", null),
        "policyClause: control character U+000A");
    assertRejected(
        command("remove_post", "spam", "illegal_content", "c", "§1\u0007", "f", null),
        "legalGround: control character U+0007");
    assertThat(
            rules
                .check(
                    command(
                        "remove_post",
                        "spam",
                        "incompatible_with_terms",
                        "c",
                        null,
                        "line one\r\n\tline two 🦊",
                        null))
                .facts())
        .isEqualTo("line one\n\tline two 🦊");
    assertRejected(
        command(
            "remove_post",
            "spam",
            "incompatible_with_terms",
            "c",
            null,
            "f",
            "2030-01-01T00:00:00Z"),
        "until");
    assertRejected(
        command(
            "suspend_account",
            "spam",
            "incompatible_with_terms",
            "c",
            null,
            "f",
            "2020-01-01T00:00:00Z"),
        "future");
    assertRejected(
        command("dismiss_report", "spam", "incompatible_with_terms", "c", null, "f", null),
        "reportIds");
    assertRejected(
        new DecisionCommand(
            "remove_post",
            "nope",
            List.of(),
            "spam",
            "incompatible_with_terms",
            "c",
            null,
            "f",
            null),
        "target");
  }

  @Test
  void aTemporarySuspensionEnds() {
    var checked =
        rules.check(
            new DecisionCommand(
                "suspend_account",
                POST,
                List.of(),
                "harassment",
                "incompatible_with_terms",
                "c",
                null,
                "f",
                "2026-12-29T12:00:00Z"));

    var event =
        (AccountSuspensionDecided)
            rules.decide(checked, UUID.randomUUID(), "account:m", null, "moderator", false);

    assertThat(event.until()).isEqualTo(Instant.parse("2026-12-29T12:00:00Z"));
  }

  private void assertRejected(DecisionCommand command, String text) {
    assertThatThrownBy(() -> rules.check(command))
        .isInstanceOf(ModerationRejected.class)
        .hasMessageContaining(text);
  }
}
