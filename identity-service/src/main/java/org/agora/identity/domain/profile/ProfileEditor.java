package org.agora.identity.domain.profile;

import java.time.Clock;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;

/**
 * Decides what a profile change appends: the account's data key (once, wrapped by the KEK) and
 * {@link AccountProfileChanged} with both fields sealed under it, bound to the account id. Fields
 * the command leaves out keep their current value; an empty field is cleared (absent on the log).
 */
public final class ProfileEditor {
  private final Clock clock;
  private final KeyEncryptionKey kek;

  public ProfileEditor(Clock clock, KeyEncryptionKey kek) {
    this.clock = clock;
    this.kek = kek;
  }

  public IssuedKey issueKey(AccountId account) {
    DataKey key = DataKey.generate();
    return new IssuedKey(new AccountKeyIssued(account, kek.id(), kek.wrap(key)), key);
  }

  public EditedProfile edit(UpdateProfile command, Profile current, DataKey key) {
    String displayName =
        command.displayName() == null
            ? current.displayName()
            : ProfileText.displayName(command.displayName());
    String note = command.note() == null ? current.note() : ProfileText.note(command.note());
    String aad = command.account().toString();
    var event =
        new AccountProfileChanged(
            command.account(), seal(key, displayName, aad), seal(key, note, aad), clock.instant());
    return new EditedProfile(event, new Profile(displayName, note));
  }

  private static EncryptedContent seal(DataKey key, String text, String aad) {
    return text.isEmpty() ? null : key.seal(text, aad);
  }

  /** A profile in plaintext, as the owner sees it; empty strings for unset fields. */
  public record Profile(String displayName, String note) {
    public static final Profile EMPTY = new Profile("", "");
  }

  /** Nulls leave a field unchanged. */
  public record UpdateProfile(AccountId account, String displayName, String note) {}

  public record IssuedKey(AccountKeyIssued record, DataKey key) {}

  public record EditedProfile(AccountProfileChanged event, Profile profile) {}
}
