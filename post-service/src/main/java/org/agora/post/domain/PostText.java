package org.agora.post.domain;

import java.text.Normalizer;

/**
 * The rules for a post's text: NFC-normalised, at most {@link #MAX_CODE_POINTS} code points, no
 * control characters but line breaks and tabs, no bidirectional overrides or isolates (they can
 * disguise what a reader sees), no unpaired surrogates.
 */
public final class PostText {
  public static final int MAX_CODE_POINTS = 500;

  private PostText() {}

  public static String normalise(String raw) {
    return normalise("status", raw, MAX_CODE_POINTS);
  }

  /** The same rules for any user text field, with its own name and limit. */
  public static String normalise(String field, String raw, int maxCodePoints) {
    if (raw == null || raw.isBlank()) {
      throw new PostRejected(field + ": can't be blank");
    }
    String text = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
    int length = text.codePointCount(0, text.length());
    if (length > maxCodePoints) {
      throw new PostRejected(field + ": " + length + " characters, at most " + maxCodePoints);
    }
    int position = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      position++;
      String problem = problem(cp);
      if (problem != null) {
        throw new PostRejected(
            field
                + ": "
                + problem
                + " U+"
                + String.format("%04X", cp)
                + " at character "
                + position
                + " is not allowed");
      }
      i += Character.charCount(cp);
    }
    return text;
  }

  private static String problem(int cp) {
    if (cp == '\n' || cp == '\t') {
      return null;
    }
    if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
      return "unpaired surrogate";
    }
    if (Character.getType(cp) == Character.CONTROL) {
      return "control character";
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      return "bidirectional override";
    }
    return null;
  }
}
