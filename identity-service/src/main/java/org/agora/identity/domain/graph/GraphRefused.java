package org.agora.identity.domain.graph;

/** A graph command refused; {@code reason} says which answer the API gives. */
public class GraphRefused extends RuntimeException {
  public enum Reason {
    UNPROCESSABLE,
    FORBIDDEN,
    TOO_MANY
  }

  private final Reason reason;

  public GraphRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
