package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.PostId;

/**
 * The value on the compacted topic {@code moderation.evidence-keys}, keyed by post id: the data key
 * of a post removed as illegal content, re-wrapped by the moderation evidence key {@code kekId} and
 * kept until {@code expiresAt}; then a tombstone destroys it.
 */
public record EvidenceEscrowed(
    PostId postId,
    UUID removalDecisionId,
    String kekId,
    String wrappedKey,
    Instant escrowedAt,
    Instant expiresAt)
    implements AgoraEvent {
  public static final String TYPE = "agora.moderation.evidence-escrowed.v1";
  public static final String TOPIC = "moderation.evidence-keys";

  public EvidenceEscrowed {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(removalDecisionId, "removalDecisionId");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(wrappedKey, "wrappedKey");
    Objects.requireNonNull(escrowedAt, "escrowedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
