package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/**
 * A moderator rejected an account that signed up while sign-ups were throttled and was still
 * awaiting approval; it is removed as by erasure, and {@link AccountErased} follows.
 */
public record AccountRejected(AccountId accountId, AccountId rejectedBy, Instant rejectedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.rejected.v1";

  public AccountRejected {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(rejectedBy, "rejectedBy");
    Objects.requireNonNull(rejectedAt, "rejectedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
