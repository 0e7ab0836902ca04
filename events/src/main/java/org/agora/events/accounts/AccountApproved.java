package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/** A moderator approved an account that signed up while sign-ups were throttled; it may speak. */
public record AccountApproved(AccountId accountId, AccountId approvedBy, Instant approvedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.approved.v1";

  public AccountApproved {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(approvedAt, "approvedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
