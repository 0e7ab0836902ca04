package org.agora.post.domain;

/** A publish command broke a rule; the message names the field and the limit. */
public final class PostRejected extends RuntimeException {
  public PostRejected(String message) {
    super(message);
  }
}
