package org.agora.moderation.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed list of report and decision categories (aligned with DSA/NetzDG), with the weight a
 * category gives an item's risk and the Mastodon report category it is shown as.
 */
public enum ReportCategory {
  TERRORISM("terrorism", 10, "legal"),
  VIOLENCE("violence", 8, "legal"),
  THREATS("threats", 8, "legal"),
  ILLEGAL_HATE("illegal_hate", 7, "legal"),
  HARASSMENT("harassment", 4, "violation"),
  SPAM("spam", 2, "spam"),
  OTHER("other", 1, "other");

  private final String id;
  private final int severity;
  private final String mastodon;

  ReportCategory(String id, int severity, String mastodon) {
    this.id = id;
    this.severity = severity;
    this.mastodon = mastodon;
  }

  public String id() {
    return id;
  }

  public int severity() {
    return severity;
  }

  /** The category a Mastodon client understands (spam, legal, violation, other). */
  public String mastodon() {
    return mastodon;
  }

  public static Optional<ReportCategory> of(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ReportCategory::id).toList();
  }

  /**
   * A report's category from Mastodon's {@code category} (spam, legal, violation, other, or one of
   * Agora's own ids) refined by {@code agora_category}; empty when either is unknown.
   */
  public static Optional<ReportCategory> fromReport(String category, String agoraCategory) {
    if (agoraCategory != null && !agoraCategory.isBlank()) {
      return of(agoraCategory.toLowerCase(Locale.ROOT));
    }
    if (category == null || category.isBlank()) {
      return Optional.of(OTHER);
    }
    String value = category.toLowerCase(Locale.ROOT);
    return switch (value) {
      case "legal", "violation" -> Optional.of(OTHER);
      default -> of(value);
    };
  }

  /** The report category of a screening category (the scorer's own, finer ids). */
  public static ReportCategory fromScreening(String screening) {
    return switch (screening) {
      case "terrorism" -> TERRORISM;
      case "threat" -> THREATS;
      case "hate" -> ILLEGAL_HATE;
      default -> VIOLENCE;
    };
  }

  /** The most severe of the given screening categories ({@code violence} when none). */
  public static ReportCategory mostSevere(List<String> screening) {
    return screening.stream()
        .map(ReportCategory::fromScreening)
        .min((a, b) -> Integer.compare(b.severity, a.severity))
        .orElse(VIOLENCE);
  }
}
