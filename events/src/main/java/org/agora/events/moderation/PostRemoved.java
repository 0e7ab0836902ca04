package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/**
 * Moderation took a post down; every read path stops showing it. The statement of reasons travels
 * with the decision (fields added by the moderation service, additively).
 */
public record PostRemoved(
    UUID decisionId,
    PostId postId,
    String policyClause,
    Instant removedAt,
    StatementOfReasons reasons)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.post-removed.v1";

  public PostRemoved {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(removedAt, "removedAt");
  }

  public PostRemoved(UUID decisionId, PostId postId, String policyClause, Instant removedAt) {
    this(decisionId, postId, policyClause, removedAt, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
