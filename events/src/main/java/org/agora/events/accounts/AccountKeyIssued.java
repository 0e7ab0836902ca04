package org.agora.events.accounts;

import java.util.Objects;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;

/**
 * The value on the compacted topic {@code identity.account-keys}, keyed by account id: the
 * account's data key for profile fields, wrapped by the key-encryption key {@code kekId}. A
 * tombstone under the same key shreds the profile.
 */
public record AccountKeyIssued(AccountId accountId, String kekId, String wrappedKey)
    implements AgoraEvent {
  public static final String TYPE = "agora.account.key.issued.v1";
  public static final String TOPIC = "identity.account-keys";

  public AccountKeyIssued {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(wrappedKey, "wrappedKey");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
