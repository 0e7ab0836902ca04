package org.agora.identity.domain.profile;

import org.agora.events.text.UserText;
import org.agora.events.text.UserText.Lines;

/**
 * Profile text keeps {@link UserText}'s rules: the display name on one line, the bio over several.
 * Empty is allowed and clears the field.
 */
public final class ProfileText {
  public static final int MAX_DISPLAY_NAME = 30;
  public static final int MAX_NOTE = 500;

  private ProfileText() {}

  public static String displayName(String raw) {
    return UserText.optional(
        "display_name", raw, MAX_DISPLAY_NAME, Lines.ONE, ProfileRejected::new);
  }

  public static String note(String raw) {
    return UserText.optional("note", raw, MAX_NOTE, Lines.MANY, ProfileRejected::new);
  }
}
