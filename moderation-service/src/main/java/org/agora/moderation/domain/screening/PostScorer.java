package org.agora.moderation.domain.screening;

/**
 * Judges the text of a post before any follower sees it. Implementations must be thread-safe, do no
 * I/O per call and never return null: the screening gate fails closed if one throws.
 */
public interface PostScorer {

  /**
   * Scores one post.
   *
   * @param text the post's plain text, never null
   * @param language {@code "de"}, {@code "en"}, or null to detect it; other codes are detected too
   */
  Screening score(String text, String language);
}
