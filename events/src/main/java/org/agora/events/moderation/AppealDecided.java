package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Another moderator decided an appeal against {@code appealedDecisionId}: {@code upheld} or {@code
 * reversed}. A reversal is followed by its compensating decision ({@code PostRestored}, {@code
 * AccountReinstatementDecided}) with its own statement of reasons.
 */
public record AppealDecided(
    UUID decisionId,
    UUID appealId,
    UUID appealedDecisionId,
    String outcome,
    String actor,
    String facts,
    Instant decidedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.appeal-decided.v1";
  public static final String UPHELD = "upheld";
  public static final String REVERSED = "reversed";

  public AppealDecided {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(appealId, "appealId");
    Objects.requireNonNull(appealedDecisionId, "appealedDecisionId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
