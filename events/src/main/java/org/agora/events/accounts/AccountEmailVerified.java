package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/** The account's owner confirmed the e-mail address (the address itself stays in Keycloak). */
public record AccountEmailVerified(AccountId accountId, Instant verifiedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.email-verified.v1";

  public AccountEmailVerified {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
