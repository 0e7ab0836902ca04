package org.agora.moderation.domain.screening;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of screening one post: a risk in 0..1, the verdict it led to, the categories of the
 * evidence found, the evidence itself, the language whose rules were applied and the scorer
 * version, so a decision can be traced to the rules that made it. A cleared screening may still
 * carry low-weight evidence (a quoted or reported threat, say).
 */
public record Screening(
    double risk,
    Verdict verdict,
    Set<Category> categories,
    List<Evidence> evidence,
    String language,
    String scorerVersion) {

  public Screening {
    if (!(risk >= 0 && risk <= 1)) {
      throw new IllegalArgumentException("risk: " + risk + ", must be within 0..1");
    }
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(scorerVersion, "scorerVersion");
    categories =
        categories == null || categories.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  public boolean held() {
    return verdict == Verdict.HELD;
  }
}
