package org.agora.events.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.PostId;

/**
 * The automated screening verdict on a post (and on each edit): timelines fan out only on {@code
 * cleared}; a {@code held} post waits for a moderator. Evidence stays inside the moderation
 * service; the verdict carries the score, the categories and the scorer that decided.
 */
public record PostScreened(
    UUID decisionId,
    PostId postId,
    String verdict,
    double score,
    List<String> categories,
    String scorer,
    Instant publishedAt,
    Instant screenedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.post-screened.v1";
  public static final String CLEARED = "cleared";
  public static final String HELD = "held";

  public PostScreened {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(screenedAt, "screenedAt");
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  public boolean cleared() {
    return CLEARED.equals(verdict);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
