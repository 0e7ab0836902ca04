package org.agora.post.domain.media;

/** An upload was refused; the kind picks the HTTP status, the message names the field and limit. */
public final class MediaRejected extends RuntimeException {
  /** UNSUPPORTED_TYPE → 415, TOO_LARGE → 413, INVALID → 422. */
  public enum Kind {
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    INVALID
  }

  private final Kind kind;

  public MediaRejected(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static MediaRejected invalid(ImageType type, String reason) {
    return new MediaRejected(
        Kind.INVALID, "file: not a valid " + type.label() + " image (" + reason + ")");
  }
}
