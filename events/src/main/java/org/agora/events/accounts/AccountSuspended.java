package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;

/**
 * Identity applied a moderation decision: the account may not speak until {@code until} (absent:
 * permanently). {@code decisionId} names the decision on {@code moderation.decisions}. {@code
 * appealCapabilityHash} ({@code sha256:<hex>}, added later, absent in older events) is the hash of
 * the capability mailed to the account, with which it may appeal without a login.
 */
public record AccountSuspended(
    AccountId accountId,
    UUID decisionId,
    Instant until,
    Instant suspendedAt,
    String appealCapabilityHash)
    implements AccountEvent {
  public static final String TYPE = "agora.account.suspended.v1";

  public AccountSuspended {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(suspendedAt, "suspendedAt");
  }

  public AccountSuspended(
      AccountId accountId, UUID decisionId, Instant until, Instant suspendedAt) {
    this(accountId, decisionId, until, suspendedAt, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
