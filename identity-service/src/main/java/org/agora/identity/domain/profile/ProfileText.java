package org.agora.identity.domain.profile;

import java.text.Normalizer;

/**
 * The rules for profile text: NFC-normalised and stripped, counted in code points, no control
 * characters (the bio may keep line breaks), no bidirectional overrides or isolates (they disguise
 * what a reader sees), no unpaired surrogates. Empty is allowed and clears the field.
 */
public final class ProfileText {
  public static final int MAX_DISPLAY_NAME = 30;
  public static final int MAX_NOTE = 500;

  private ProfileText() {}

  public static String displayName(String raw) {
    return normalise("display_name", raw, MAX_DISPLAY_NAME, false);
  }

  public static String note(String raw) {
    return normalise("note", raw, MAX_NOTE, true);
  }

  static String normalise(String field, String raw, int maxCodePoints, boolean multiline) {
    if (raw == null) {
      return "";
    }
    String text = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
    int length = text.codePointCount(0, text.length());
    if (length > maxCodePoints) {
      throw new ProfileRejected(field + ": " + length + " characters, at most " + maxCodePoints);
    }
    int position = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      position++;
      String problem = problem(cp, multiline);
      if (problem != null) {
        throw new ProfileRejected(
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

  private static String problem(int cp, boolean multiline) {
    if (multiline && cp == '\n') {
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
