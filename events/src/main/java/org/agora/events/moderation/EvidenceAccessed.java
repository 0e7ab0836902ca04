package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/** An admin opened the escrowed evidence of a removed post; every access is on the record. */
public record EvidenceAccessed(UUID decisionId, PostId postId, String actor, Instant accessedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.evidence-accessed.v1";

  public EvidenceAccessed {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(accessedAt, "accessedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
