package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;

/** A suspension ended early (appeal, reversal); the account may speak again. */
public record AccountReinstated(AccountId accountId, UUID decisionId, Instant reinstatedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.reinstated.v1";

  public AccountReinstated {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(reinstatedAt, "reinstatedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
