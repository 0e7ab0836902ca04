package org.agora.post.domain;

import org.agora.events.text.UserText;
import org.agora.events.text.UserText.Lines;

/**
 * A post's text and its media descriptions keep {@link UserText}'s rules, over several lines: a
 * status is at most {@link #MAX_CODE_POINTS} code points.
 */
public final class PostText {
  public static final int MAX_CODE_POINTS = 500;

  private PostText() {}

  public static String normalise(String raw) {
    return normalise("status", raw, MAX_CODE_POINTS);
  }

  /** The same rules for another text field of a post, with its own name and limit. */
  public static String normalise(String field, String raw, int maxCodePoints) {
    return UserText.required(field, raw, maxCodePoints, Lines.MANY, PostRejected::new);
  }
}
