package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/**
 * The account was erased (GDPR Art. 17): every service purges what belongs to it, and the
 * post-service shreds all of its posts and media.
 */
public record AccountErased(AccountId accountId, Instant erasedAt) implements AccountEvent {
  public static final String TYPE = "agora.account.erased.v1";

  public AccountErased {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(erasedAt, "erasedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
