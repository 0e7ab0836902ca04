package org.agora.identity.domain.signup;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A checked sign-up request. The password's strength is Keycloak's policy (length 12–64, not the
 * handle or e-mail, not on the deny-list); here only its presence and the hard upper bound.
 */
public record SignupForm(Handle handle, String email, String password) {
  public static final int MAX_EMAIL_LENGTH = 254;
  public static final int MAX_PASSWORD_LENGTH = 64;
  // One @, no spaces, a dot in the domain: enough to refuse typos; the e-mailed link proves it.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  /**
   * Field names differ between the Mastodon form ({@code username}) and Agora's ({@code handle}).
   */
  public static SignupForm check(String handleField, String handle, String email, String password) {
    Handle checked = Handle.parse(handleField, handle);
    return new SignupForm(checked, checkEmail(email), checkPassword(password));
  }

  public static String checkEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new SignupRejected("email", "is required");
    }
    String trimmed = email.strip();
    if (trimmed.length() > MAX_EMAIL_LENGTH) {
      throw new SignupRejected(
          "email", trimmed.length() + " characters, at most " + MAX_EMAIL_LENGTH);
    }
    if (!EMAIL.matcher(trimmed).matches()) {
      throw new SignupRejected("email", "is not an e-mail address");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  private static String checkPassword(String password) {
    if (password == null || password.isEmpty()) {
      throw new SignupRejected("password", "is required");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw new SignupRejected(
          "password", password.length() + " characters, at most " + MAX_PASSWORD_LENGTH);
    }
    return password;
  }
}
