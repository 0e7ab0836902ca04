package org.agora.moderation.domain;

/** A command the rules refuse; the message names the field and the limit. */
public final class ModerationRejected extends RuntimeException {
  /** Why, so the API can choose the status. */
  public enum Kind {
    INVALID,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_MANY
  }

  private final Kind kind;

  public ModerationRejected(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static ModerationRejected invalid(String message) {
    return new ModerationRejected(Kind.INVALID, message);
  }

  public static ModerationRejected forbidden(String message) {
    return new ModerationRejected(Kind.FORBIDDEN, message);
  }

  public static ModerationRejected conflict(String message) {
    return new ModerationRejected(Kind.CONFLICT, message);
  }

  public static ModerationRejected notFound(String message) {
    return new ModerationRejected(Kind.NOT_FOUND, message);
  }
}
