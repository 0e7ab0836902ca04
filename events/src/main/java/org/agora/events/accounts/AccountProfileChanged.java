package org.agora.events.accounts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;

/**
 * The public profile changed. Display name and bio are sealed under the account's own data key (on
 * {@code identity.account-keys}), so erasing the account leaves them unreadable in the log; an
 * absent field was cleared.
 */
public record AccountProfileChanged(
    AccountId accountId, EncryptedContent displayName, EncryptedContent note, Instant changedAt)
    implements AccountEvent {
  public static final String TYPE = "agora.account.profile-changed.v1";

  public AccountProfileChanged {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(changedAt, "changedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
