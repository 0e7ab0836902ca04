package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/** A removal was reversed (appeal, error); the post is shown again. */
public record PostRestored(
    UUID decisionId, PostId postId, Instant restoredAt, StatementOfReasons reasons)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.post-restored.v1";

  public PostRestored {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(restoredAt, "restoredAt");
  }

  public PostRestored(UUID decisionId, PostId postId, Instant restoredAt) {
    this(decisionId, postId, restoredAt, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
