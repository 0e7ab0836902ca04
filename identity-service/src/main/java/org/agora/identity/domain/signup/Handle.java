package org.agora.identity.domain.signup;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A public handle ({@code @name}): case-insensitive and stored in lower case, letters a–z, digits
 * and underscore, 3 to 30 characters (Mastodon's limit), and not one of the reserved names that
 * would pass for the instance or its staff.
 */
public record Handle(String value) {
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 30;
  private static final Pattern ALPHABET = Pattern.compile("[a-z0-9_]+");
  static final Set<String> RESERVED =
      Set.of(
          "abuse",
          "about",
          "account",
          "accounts",
          "admin",
          "administrator",
          "agora",
          "api",
          "app",
          "apps",
          "auth",
          "contact",
          "everyone",
          "help",
          "here",
          "hostmaster",
          "info",
          "instance",
          "legal",
          "login",
          "logout",
          "mod",
          "moderator",
          "moderators",
          "noreply",
          "no_reply",
          "null",
          "official",
          "oauth",
          "owner",
          "postmaster",
          "privacy",
          "root",
          "security",
          "settings",
          "signup",
          "staff",
          "support",
          "system",
          "terms",
          "undefined",
          "webmaster",
          "www");

  public Handle {
    if (!ALPHABET.matcher(value).matches()
        || value.length() < MIN_LENGTH
        || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not a handle: " + value);
    }
  }

  /** The handle a sign-up asked for, in lower case, or why it cannot have it. */
  public static Handle parse(String field, String requested) {
    if (requested == null || requested.isEmpty()) {
      throw new SignupRejected(field, "is required");
    }
    String lower = requested.toLowerCase(Locale.ROOT);
    if (lower.length() < MIN_LENGTH || lower.length() > MAX_LENGTH) {
      throw new SignupRejected(
          field,
          requested.length()
              + " characters, must be "
              + MIN_LENGTH
              + " to "
              + MAX_LENGTH
              + " characters");
    }
    if (!ALPHABET.matcher(lower).matches()) {
      throw new SignupRejected(field, "only letters a-z, digits 0-9 and _ are allowed");
    }
    if (RESERVED.contains(lower)) {
      throw new SignupRejected(field, "is reserved");
    }
    return new Handle(lower);
  }
}
