package org.agora.timeline.domain;

import java.util.UUID;

/**
 * Mastodon's paging parameters, checked: {@code max_id} (older than), {@code since_id} (newer than,
 * newest first), {@code min_id} (immediately newer than, oldest first), {@code limit} clamped to
 * {@link #MAX_LIMIT} as Mastodon does.
 */
public record PageRequest(UUID maxId, UUID sinceId, UUID minId, int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 40;

  public static PageRequest parse(String maxId, String sinceId, String minId, String limit) {
    return new PageRequest(
        id("max_id", maxId), id("since_id", sinceId), id("min_id", minId), limit(limit));
  }

  private static UUID id(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageRequest(field + ": not a status id");
    }
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidPageRequest("limit: must be a whole number from 1 to " + MAX_LIMIT);
    }
    if (parsed < 1) {
      throw new InvalidPageRequest("limit: must be a whole number from 1 to " + MAX_LIMIT);
    }
    return Math.min(parsed, MAX_LIMIT);
  }

  /** True when the page is read oldest-first from {@code min_id} and reversed for the answer. */
  public boolean ascending() {
    return minId != null;
  }

  public static final class InvalidPageRequest extends RuntimeException {
    public InvalidPageRequest(String message) {
      super(message);
    }
  }
}
