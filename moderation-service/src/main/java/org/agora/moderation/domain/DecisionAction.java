package org.agora.moderation.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a moderator can decide; {@link #id()} is the API's and the transparency report's name. */
public enum DecisionAction {
  REMOVE_POST("remove_post", true, true),
  RESTORE_POST("restore_post", true, false),
  LABEL_SENSITIVE("label_sensitive", true, true),
  SUSPEND_ACCOUNT("suspend_account", false, true),
  REINSTATE_ACCOUNT("reinstate_account", false, false),
  DISMISS_REPORT("dismiss_report", false, false),
  /** Automated: the screening gate held a post for review. */
  HOLD_POST("hold_post", true, true);

  private final String id;
  private final boolean onPost;
  private final boolean appealable;

  DecisionAction(String id, boolean onPost, boolean appealable) {
    this.id = id;
    this.onPost = onPost;
    this.appealable = appealable;
  }

  public String id() {
    return id;
  }

  public boolean onPost() {
    return onPost;
  }

  /** Whether the affected user may appeal it (restrictions are; their reversals are not). */
  public boolean appealable() {
    return appealable;
  }

  public static Optional<DecisionAction> of(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id) && a != HOLD_POST).findFirst();
  }
}
