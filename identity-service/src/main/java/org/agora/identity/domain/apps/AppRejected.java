package org.agora.identity.domain.apps;

/** An app registration broke a rule; {@code field} names the form field. */
public class AppRejected extends RuntimeException {
  private final String field;

  public AppRejected(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
