package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/** The escrow period of a post's evidence ended and its escrowed key was tombstoned. */
public record EvidenceDestroyed(UUID decisionId, PostId postId, Instant destroyedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.evidence-destroyed.v1";

  public EvidenceDestroyed {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(destroyedAt, "destroyedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
