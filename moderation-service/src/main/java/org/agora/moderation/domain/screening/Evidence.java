package org.agora.moderation.domain.screening;

import java.util.List;
import java.util.Objects;

/**
 * One matched passage, so a moderator sees why: {@code start}/{@code end} index the original text
 * (UTF-16, end exclusive) and {@code excerpt} is that slice. {@code weight} is the rule's weight
 * after context, and {@code context} names what changed it (e.g. {@code "quoted"}, {@code
 * "sports"}, {@code "weapon"}).
 */
public record Evidence(
    Category category,
    String rule,
    int start,
    int end,
    String excerpt,
    double weight,
    List<String> context) {

  public Evidence {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(excerpt, "excerpt");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span: [" + start + ", " + end + ") is not a span");
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight: " + weight + ", must be within 0..1");
    }
    context = context == null ? List.of() : List.copyOf(context);
  }
}
