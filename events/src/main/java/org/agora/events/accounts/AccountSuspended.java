package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;

/**
 * Identity applied a moderation decision: the account may not speak until {@code until} (absent:
 * permanently). {@code decisionId} names the decision on {@code moderation.decisions}.
 */
public record AccountSuspended(
    AccountId accountId, UUID decisionId, Instant until, Instant suspendedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.suspended.v1";

  public AccountSuspended {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(suspendedAt, "suspendedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
