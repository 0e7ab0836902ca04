package org.agora.moderation.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.crypto.AppealCapability;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AppealDecided;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.moderation.StatementOfReasons;

/**
 * Appeals: only the affected user, only within the appeal period, and never decided by the
 * moderator who made the decision. A reversal is undone by a compensating decision.
 */
public final class AppealRules {
  public static final int MAX_TEXT = 5000;
  public static final int MAX_FACTS = DecisionRules.MAX_FACTS;
  public static final String CAPABILITY_MISMATCH = "capability: does not match this decision";

  private final Clock clock;
  private final Period period;

  public AppealRules(Clock clock, Period period) {
    this.clock = clock;
    this.period = period;
  }

  /** Checks an appeal's filing; returns the text to seal. */
  public String checkFiling(DecisionFacts decision, AccountId appellant, String text) {
    if (decision.affectedAccount() == null || !decision.affectedAccount().equals(appellant)) {
      throw ModerationRejected.forbidden("decisionId: only the affected user may appeal");
    }
    if (!decision.action().appealable()) {
      throw ModerationRejected.invalid(
          "decisionId: a " + decision.action().id() + " decision cannot be appealed");
    }
    Instant deadline = deadline(decision.decidedAt());
    if (clock.instant().isAfter(deadline)) {
      throw ModerationRejected.invalid(
          "decisionId: the appeal period of " + period + " ended at " + deadline);
    }
    return DecisionRules.required("text", text, MAX_TEXT);
  }

  /**
   * A capability identity recorded for a suspension: the account it was mailed to and its hash
   * ({@code AccountSuspended.appealCapabilityHash}).
   */
  public record RecordedCapability(AccountId account, String hash) {}

  /**
   * Who appeals with {@code capability}, given no login: the decision's affected account, when the
   * capability hashes to one recorded for this decision and that account (several if identity
   * applied the decision more than once). Every recorded hash is compared, in constant time.
   */
  public AccountId appellantByCapability(
      DecisionFacts decision, String capability, List<RecordedCapability> recorded) {
    boolean matched = false;
    for (RecordedCapability candidate : recorded) {
      boolean same =
          AppealCapability.matches(capability, candidate.hash())
              && decision.affectedAccount() != null
              && decision.affectedAccount().equals(candidate.account());
      matched |= same;
    }
    if (!matched) {
      throw ModerationRejected.forbidden(CAPABILITY_MISMATCH);
    }
    return decision.affectedAccount();
  }

  public Instant deadline(Instant decidedAt) {
    return decidedAt.atOffset(ZoneOffset.UTC).plus(period).toInstant();
  }

  /** Checks who decides; returns the outcome. */
  public String checkDeciding(String decisionActor, String appealActor, String outcome) {
    if (decisionActor.equals(appealActor)) {
      throw ModerationRejected.forbidden(
          "appeal: another moderator than the one who decided must decide the appeal");
    }
    if (!AppealDecided.UPHELD.equals(outcome) && !AppealDecided.REVERSED.equals(outcome)) {
      throw ModerationRejected.invalid("outcome: must be upheld or reversed");
    }
    return outcome;
  }

  /** The appeal's decision, then (for a reversal) the compensating decision. */
  public List<ModerationDecision> decide(
      UUID appealId, DecisionFacts decision, String actor, String outcome, String facts) {
    String checked = DecisionRules.required("facts", facts, MAX_FACTS);
    Instant now = clock.instant();
    var decided =
        new AppealDecided(
            UUID.randomUUID(), appealId, decision.decisionId(), outcome, actor, checked, now);
    if (AppealDecided.UPHELD.equals(outcome)) {
      return List.of(decided);
    }
    var reasons =
        new StatementOfReasons(
            actor,
            decision.category(),
            decision.groundType(),
            decision.policyClause(),
            decision.legalGround(),
            "Appeal " + appealId + " reversed decision " + decision.decisionId() + ": " + checked,
            StatementOfReasons.SOURCE_MODERATOR,
            false,
            false,
            DecisionRules.RESTORING_REDRESS,
            List.of());
    ModerationDecision compensating =
        switch (decision.action()) {
          case REMOVE_POST, HOLD_POST ->
              new PostRestored(UUID.randomUUID(), new PostId(decision.target()), now, reasons);
          case SUSPEND_ACCOUNT ->
              new AccountReinstatementDecided(
                  UUID.randomUUID(), new AccountId(decision.target()), reasons, now);
          case LABEL_SENSITIVE ->
              new PostUnlabeled(UUID.randomUUID(), new PostId(decision.target()), reasons, now);
          default -> null;
        };
    return compensating == null ? List.of(decided) : List.of(decided, compensating);
  }
}
