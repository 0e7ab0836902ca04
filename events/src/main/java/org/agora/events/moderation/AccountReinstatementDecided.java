package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;

/**
 * Moderation lifted a suspension (appeal, error, expiry); identity applies it and records {@code
 * AccountReinstated}.
 */
public record AccountReinstatementDecided(
    UUID decisionId, AccountId accountId, StatementOfReasons reasons, Instant decidedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.account-reinstatement-decided.v1";

  public AccountReinstatementDecided {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
