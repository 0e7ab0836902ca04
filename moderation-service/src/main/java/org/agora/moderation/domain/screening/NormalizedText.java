package org.agora.moderation.domain.screening;

/**
 * A post's text after {@link TextNormalizer}: lower-case ASCII where the original was Latin (or
 * disguised as Latin), with each character mapped back to the span of the original it came from.
 */
public final class NormalizedText {
  private final String original;
  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final boolean[] obfuscated;

  NormalizedText(String original, String text, int[] starts, int[] ends, boolean[] obfuscated) {
    this.original = original;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.obfuscated = obfuscated;
  }

  public String original() {
    return original;
  }

  /** The normalised text the rules run on. */
  public String text() {
    return text;
  }

  /** Where normalised {@code [from, to)} begins in the original text. */
  public int originalStart(int from) {
    return text.isEmpty() ? 0 : starts[Math.min(from, starts.length - 1)];
  }

  /** Where normalised {@code [from, to)} ends (exclusive) in the original text. */
  public int originalEnd(int to) {
    return to <= 0 ? 0 : ends[Math.min(to, ends.length) - 1];
  }

  /** The original text behind normalised {@code [from, to)}. */
  public String originalSlice(int from, int to) {
    return original.substring(originalStart(from), Math.max(originalStart(from), originalEnd(to)));
  }

  /**
   * Whether any character in {@code [from, to)} was disguised: leetspeak, letters spaced apart,
   * runs of three or more, look-alike or styled letters.
   */
  public boolean obfuscated(int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, obfuscated.length); i++) {
      if (obfuscated[i]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
