package org.agora.identity.domain.profile;

/** A profile change refused for its content; the message names the field and the limit. */
public class ProfileRejected extends RuntimeException {
  public ProfileRejected(String message) {
    super(message);
  }
}
