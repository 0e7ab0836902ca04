package org.agora.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.crypto.AppealCapability;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AppealDecided;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostUnlabeled;
import org.junit.jupiter.api.Test;

class AppealRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private final AppealRules rules =
      new AppealRules(Clock.fixed(NOW, ZoneOffset.UTC), Period.ofMonths(6));
  private final AccountId author = new AccountId(UUID.randomUUID());

  private DecisionFacts decision(DecisionAction action, Instant at) {
    return new DecisionFacts(
        UUID.randomUUID(),
        action,
        UUID.randomUUID(),
        author,
        "account:m1",
        "violence",
        "incompatible_with_terms",
        "c",
        null,
        at);
  }

  @Test
  void onlyTheAffectedUserMayAppealWithinSixMonths() {
    var recent = decision(DecisionAction.REMOVE_POST, NOW.minus(java.time.Duration.ofDays(150)));
    assertThat(rules.checkFiling(recent, author, "It was satire")).isEqualTo("It was satire");

    assertThatThrownBy(() -> rules.checkFiling(recent, new AccountId(UUID.randomUUID()), "x"))
        .extracting(e -> ((ModerationRejected) e).kind())
        .isEqualTo(ModerationRejected.Kind.FORBIDDEN);
    var old = decision(DecisionAction.REMOVE_POST, Instant.parse("2026-05-28T12:00:00Z"));
    assertThatThrownBy(() -> rules.checkFiling(old, author, "x"))
        .hasMessageContaining("appeal period of P6M ended");
    assertThatThrownBy(() -> rules.checkFiling(recent, author, " ")).hasMessageContaining("text");
    assertThatThrownBy(
            () -> rules.checkFiling(decision(DecisionAction.RESTORE_POST, NOW), author, "x"))
        .hasMessageContaining("cannot be appealed");
  }

  @Test
  void aCapabilityRecordedForTheDecisionAndItsAccountSpeaksForTheAffectedAccount() {
    var suspension = decision(DecisionAction.SUSPEND_ACCOUNT, NOW);
    String capability = AppealCapability.issue();
    var mine = new AppealRules.RecordedCapability(author, AppealCapability.hash(capability));
    var retried =
        new AppealRules.RecordedCapability(author, AppealCapability.hash(AppealCapability.issue()));

    assertThat(rules.appellantByCapability(suspension, capability, List.of(mine)))
        .isEqualTo(author);
    assertThat(rules.appellantByCapability(suspension, capability, List.of(retried, mine)))
        .isEqualTo(author);
    // Then every other rule applies to the affected account as to a login.
    assertThat(rules.checkFiling(suspension, author, "Not me.")).isEqualTo("Not me.");
  }

  @Test
  void aWrongMissingOrForeignCapabilityIsRefusedNamingTheField() {
    var suspension = decision(DecisionAction.SUSPEND_ACCOUNT, NOW);
    String capability = AppealCapability.issue();
    var mine = new AppealRules.RecordedCapability(author, AppealCapability.hash(capability));
    var someoneElses =
        new AppealRules.RecordedCapability(
            new AccountId(UUID.randomUUID()), AppealCapability.hash(capability));

    for (var attempt :
        List.<Runnable>of(
            () -> rules.appellantByCapability(suspension, AppealCapability.issue(), List.of(mine)),
            () -> rules.appellantByCapability(suspension, capability, List.of()),
            () -> rules.appellantByCapability(suspension, capability, List.of(someoneElses)),
            () -> rules.appellantByCapability(suspension, "", List.of(mine)))) {
      assertThatThrownBy(attempt::run)
          .isInstanceOf(ModerationRejected.class)
          .hasMessage("capability: does not match this decision")
          .extracting(e -> ((ModerationRejected) e).kind())
          .isEqualTo(ModerationRejected.Kind.FORBIDDEN);
    }
  }

  @Test
  void anotherModeratorDecides() {
    assertThatThrownBy(() -> rules.checkDeciding("account:m1", "account:m1", "reversed"))
        .hasMessageContaining("another moderator");
    assertThatThrownBy(() -> rules.checkDeciding("account:m1", "account:m2", "maybe"))
        .hasMessageContaining("outcome");
  }

  @Test
  void aReversalAppendsTheCompensatingDecision() {
    UUID appeal = UUID.randomUUID();
    var removal = decision(DecisionAction.REMOVE_POST, NOW);
    var suspension = decision(DecisionAction.SUSPEND_ACCOUNT, NOW);

    var reversed = rules.decide(appeal, removal, "account:m2", "reversed", "Satire, not a threat.");
    var upheld = rules.decide(appeal, removal, "account:m2", "upheld", "Clear threat.");
    var reinstated =
        rules.decide(appeal, suspension, "account:m2", "reversed", "Mistaken identity.");

    assertThat(reversed).hasSize(2);
    assertThat(reversed.get(0)).isInstanceOf(AppealDecided.class);
    var restored = (PostRestored) reversed.get(1);
    assertThat(restored.postId().value()).isEqualTo(removal.target());
    assertThat(restored.reasons().actor()).isEqualTo("account:m2");
    assertThat(restored.reasons().facts()).contains("Satire");
    assertThat(upheld).hasSize(1);
    assertThat(reinstated.get(1)).isInstanceOf(AccountReinstatementDecided.class);
    var unlabeled =
        rules.decide(
            appeal,
            decision(DecisionAction.LABEL_SENSITIVE, NOW),
            "account:m2",
            "reversed",
            "Not graphic.");
    assertThat(unlabeled.get(1)).isInstanceOf(PostUnlabeled.class);
  }
}
