package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/** A sensitive label was lifted (an appeal reversed it): apps show the post without a warning. */
public record PostUnlabeled(
    UUID decisionId, PostId postId, StatementOfReasons reasons, Instant unlabeledAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.post-unlabeled.v1";

  public PostUnlabeled {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(unlabeledAt, "unlabeledAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
