package org.agora.timeline.projection;

import java.time.Instant;
import java.util.UUID;

/**
 * A post as served: still sealed, with moderation's sensitive label and its author as projected
 * (null when the account is not projected here).
 */
public record PostRow(
    UUID id,
    UUID authorId,
    Instant publishedAt,
    UUID inReplyToId,
    String language,
    String visibility,
    String contentAlg,
    String contentNonce,
    String contentCiphertext,
    Instant editedAt,
    boolean sensitive,
    AccountRow author) {}
