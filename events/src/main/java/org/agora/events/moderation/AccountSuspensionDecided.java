package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;

/**
 * Moderation suspended an account until {@code until} (absent: permanently); identity applies it
 * (Keycloak user disabled) and records {@code AccountSuspended}.
 */
public record AccountSuspensionDecided(
    UUID decisionId,
    AccountId accountId,
    Instant until,
    StatementOfReasons reasons,
    Instant decidedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.account-suspension-decided.v1";

  public AccountSuspensionDecided {
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
