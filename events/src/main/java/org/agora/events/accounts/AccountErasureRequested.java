package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/**
 * The owner asked, after re-authenticating, for the account to be erased; {@link AccountErased}
 * follows.
 */
public record AccountErasureRequested(AccountId accountId, Instant requestedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.erasure-requested.v1";

  public AccountErasureRequested {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
