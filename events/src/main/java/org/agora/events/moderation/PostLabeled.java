package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/** A moderator marked a post sensitive (shown behind a warning) without removing it. */
public record PostLabeled(
    UUID decisionId, PostId postId, StatementOfReasons reasons, Instant labeledAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.post-labeled.v1";

  public PostLabeled {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(labeledAt, "labeledAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
