package org.agora.identity.domain.signup;

/** A sign-up broke a rule; {@code field} names the form field, the message names the limit. */
public final class SignupRejected extends RuntimeException {
  private final String field;

  public SignupRejected(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
