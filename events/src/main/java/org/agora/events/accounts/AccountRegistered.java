package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/**
 * A new account exists, with its public handle; {@code state} is {@code active}, or {@code
 * pending_approval} when sign-ups ran above the configured rate (read-only until approved). No
 * e-mail address or other private data travels here.
 */
public record AccountRegistered(
    AccountId accountId, String handle, String state, Instant registeredAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.registered.v1";
  public static final String ACTIVE = "active";
  public static final String PENDING_APPROVAL = "pending_approval";

  public AccountRegistered {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
