package org.agora.events.text;

import java.text.Normalizer;
import java.util.function.Function;

/**
 * The rules for text people write, wherever it is written (a post, a media description, a profile,
 * a report, an appeal, a statement of reasons): NFC-normalised, CRLF made LF and stripped, counted
 * in code points, and refused when it holds a control character (a multi-line field keeps line
 * feeds and tabs), a Unicode line or paragraph separator, a bidirectional override or isolate (they
 * disguise what a reader, or a moderator, sees) or an unpaired surrogate. A refusal names the
 * field, the character and its position, or the limit.
 */
public final class UserText {
  /** Whether a field may span lines. */
  public enum Lines {
    ONE,
    MANY
  }

  private UserText() {}

  /**
   * The normalised text of a field that must not be blank, or the exception {@code reject} makes of
   * a message naming the field and what is wrong.
   */
  public static String required(
      String field,
      String raw,
      int maxCodePoints,
      Lines lines,
      Function<String, ? extends RuntimeException> reject) {
    if (raw == null || raw.isBlank()) {
      throw reject.apply(field + ": can't be blank");
    }
    return checked(field, raw, maxCodePoints, lines, reject);
  }

  /** As {@link #required}, but a missing or blank field is the empty string. */
  public static String optional(
      String field,
      String raw,
      int maxCodePoints,
      Lines lines,
      Function<String, ? extends RuntimeException> reject) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    return checked(field, raw, maxCodePoints, lines, reject);
  }

  private static String checked(
      String field,
      String raw,
      int maxCodePoints,
      Lines lines,
      Function<String, ? extends RuntimeException> reject) {
    String text = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
    int length = text.codePointCount(0, text.length());
    if (length > maxCodePoints) {
      throw reject.apply(field + ": " + length + " characters, at most " + maxCodePoints);
    }
    int position = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      position++;
      String problem = problem(cp, lines);
      if (problem != null) {
        throw reject.apply(
            "%s: %s U+%04X at character %d is not allowed".formatted(field, problem, cp, position));
      }
      i += Character.charCount(cp);
    }
    return text;
  }

  private static String problem(int cp, Lines lines) {
    if (lines == Lines.MANY && (cp == '\n' || cp == '\t')) {
      return null;
    }
    if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
      return "unpaired surrogate";
    }
    if (Character.getType(cp) == Character.CONTROL) {
      return "control character";
    }
    if (cp == 0x2028 || cp == 0x2029) {
      return "line separator";
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      return "bidirectional override";
    }
    return null;
  }
}
