package org.agora.moderation.domain.screening;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Brings a post into the one form the rules are written against, so that trivial evasion fails:
 * compatibility forms and look-alike letters become ASCII (NFKD, Cyrillic/Greek homoglyphs), case
 * is folded, German umlauts become {@code ae/oe/ue} and {@code ß} becomes {@code ss}, typographic
 * quotes become ASCII ones, letters spaced apart ({@code k i l l}, {@code k.i.l.l}) are joined,
 * leetspeak inside words is read ({@code k1ll}, {@code h@ng}, {@code 3uch}) and every run of one
 * letter is folded to a single letter ({@code kiiilll} and {@code kill} both become {@code kil}).
 * Rule patterns are folded the same way by {@link #foldPattern(String)}.
 */
public final class TextNormalizer {
  private static final String[] LATIN = new String[0x250];

  static {
    for (int cp = 0x80; cp < LATIN.length; cp++) {
      LATIN[cp] = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    }
  }

  private TextNormalizer() {}

  public static NormalizedText normalize(String text) {
    var mapped = mapCharacters(text);
    var joined = joinSpacedLetters(mapped);
    var read = readLeetspeak(joined);
    var folded = fold(read);
    return new NormalizedText(
        text,
        new String(folded.chars, 0, folded.size),
        Arrays.copyOf(folded.starts, folded.size),
        Arrays.copyOf(folded.ends, folded.size),
        Arrays.copyOf(folded.obfuscated, folded.size));
  }

  /**
   * Folds a rule pattern the way {@link #normalize} folds text: lower case, umlauts spelled out,
   * repeated letters collapsed. Each vowel also accepts {@code *} (self-censored {@code k*ll}).
   * Escapes ({@code \s}) and character classes are left alone; a space matches any whitespace.
   */
  static String foldPattern(String regex) {
    var out = new StringBuilder(regex.length() + 16);
    char previous = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        out.append(c).append(regex.charAt(++i));
        previous = 0;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        out.append(c);
        continue;
      }
      if (c == '[') {
        inClass = true;
        out.append(c);
        previous = 0;
        continue;
      }
      if (c == ' ') {
        out.append("\\s++");
        previous = 0;
        continue;
      }
      char lower = Character.toLowerCase(c);
      boolean umlaut = lower == 'ä' || lower == 'ö' || lower == 'ü';
      String spelled = spell(lower);
      for (int k = 0; k < spelled.length(); k++) {
        char m = spelled.charAt(k);
        if (isLetter(m)) {
          if (m == previous) {
            continue;
          }
          previous = m;
          if (umlaut && k == 1) {
            // "t0ten", "Fluchtlinge": the umlaut's e is often lost, by leetspeak or keyboard.
            out.append("[e*]?");
          } else if (isVowel(m)) {
            out.append('[').append(m).append("*]");
          } else {
            out.append(m);
          }
        } else {
          out.append(m);
          previous = 0;
        }
      }
    }
    return out.toString();
  }

  private static String spell(char c) {
    return switch (c) {
      case 'ä' -> "ae";
      case 'ö' -> "oe";
      case 'ü' -> "ue";
      case 'ß' -> "ss";
      default -> String.valueOf(c);
    };
  }

  // Stage 1: one code point at a time into lower-case ASCII; runs of one letter collapse here
  // already, before umlauts expand ("häääängt" must not become "haeaeaeaengt").
  private static Buffer mapCharacters(String text) {
    var out = new Buffer(text.length() + 16);
    int previous = -1;
    int run = 0;
    int lastEmitted = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int start = i;
      i += Character.charCount(cp);
      if (ignorable(cp)) {
        continue;
      }
      if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
        out.add('\n', start, i, false);
        previous = -1;
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        out.add(' ', start, i, false);
        previous = -1;
        continue;
      }
      int lower = Character.toLowerCase(cp);
      if (lower == previous && Character.isLetter(lower)) {
        run++;
        for (int k = lastEmitted; k < out.size; k++) {
          out.ends[k] = i;
          out.obfuscated[k] |= run >= 2;
        }
        continue;
      }
      previous = lower;
      run = 0;
      lastEmitted = out.size;
      emit(out, lower, start, i);
    }
    return out;
  }

  private static boolean ignorable(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.CONTROL && cp != '\n' && cp != '\r' && cp != '\t'
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0x00AD;
  }

  private static void emit(Buffer out, int cp, int start, int end) {
    if (cp < 0x80) {
      out.add(cp == '`' ? '\'' : (char) cp, start, end, false);
      return;
    }
    switch (cp) {
      case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4 -> out.add('\'', start, end, false);
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0x2039, 0x203A ->
          out.add('"', start, end, false);
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 ->
          out.add('-', start, end, false);
      case 0x00B7, 0x2022, 0x2219 -> out.add('.', start, end, false);
      case 0x20AC -> out.add('€', start, end, false);
      case 0x00DF, 0x1E9E -> {
        out.add('s', start, end, false);
        out.add('s', start, end, false);
      }
      case 0x00E6 -> {
        out.add('a', start, end, false);
        out.add('e', start, end, false);
      }
      case 0x0153 -> {
        out.add('o', start, end, false);
        out.add('e', start, end, false);
      }
      case 0x00F8 -> out.add('o', start, end, false);
      case 0x0142 -> out.add('l', start, end, false);
      case 0x0111 -> out.add('d', start, end, false);
      case 0x0131 -> out.add('i', start, end, false);
      default -> {
        char homoglyph = homoglyph(cp);
        if (homoglyph != 0) {
          out.add(homoglyph, start, end, true);
          return;
        }
        String decomposed =
            cp < LATIN.length
                ? LATIN[cp]
                : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        // Styled letters (mathematical bold, fullwidth, circled) are a way to dodge filters.
        boolean styled = cp >= 0x250 && isAsciiLetterRun(decomposed);
        for (int k = 0; k < decomposed.length(); k++) {
          char d = decomposed.charAt(k);
          if (Character.getType(d) == Character.NON_SPACING_MARK) {
            char last = out.size > 0 ? out.chars[out.size - 1] : 0;
            if (d == '\u0308' && (last == 'a' || last == 'o' || last == 'u')) {
              out.add('e', start, end, false);
            }
            continue;
          }
          char lower = Character.toLowerCase(d);
          if (lower >= 0x80 && homoglyph(lower) != 0) {
            out.add(homoglyph(lower), start, end, true);
          } else if (lower == 'ß') {
            out.add('s', start, end, false);
            out.add('s', start, end, false);
          } else {
            out.add(lower, start, end, styled);
          }
        }
      }
    }
  }

  private static boolean isAsciiLetterRun(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = Character.toLowerCase(s.charAt(k));
      if (!isLetter(c) && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static char homoglyph(int cp) {
    return switch (cp) {
      case 0x0430, 0x03B1 -> 'a';
      case 0x0432, 0x03B2 -> 'b';
      case 0x0441, 0x03F2 -> 'c';
      case 0x0501 -> 'd';
      case 0x0435, 0x0451, 0x03B5 -> 'e';
      case 0x0261 -> 'g';
      case 0x04BB -> 'h';
      case 0x0456, 0x0457, 0x03B9 -> 'i';
      case 0x0458 -> 'j';
      case 0x043A, 0x03BA -> 'k';
      case 0x043C -> 'm';
      case 0x043F, 0x03B7 -> 'n';
      case 0x043E, 0x03BF -> 'o';
      case 0x0440, 0x03C1 -> 'p';
      case 0x0455 -> 's';
      case 0x0442, 0x03C4 -> 't';
      case 0x03C5 -> 'u';
      case 0x03BD -> 'v';
      case 0x0445, 0x03C7 -> 'x';
      case 0x0443, 0x03B3 -> 'y';
      default -> 0;
    };
  }

  // Stage 2: "k i l l", "k.i.l.l", "t-ö-t-e-t" -> one word. A run needs three single letters;
  // once a post has such a run, runs of two are joined too ("b r i n g e   d i c h   u m").
  private static Buffer joinSpacedLetters(Buffer in) {
    if (in.size < 5) {
      return in;
    }
    int[] runStarts = new int[8];
    int[] runEnds = new int[8];
    int[] runUnits = new int[8];
    int runs = 0;
    boolean anyLong = false;
    int i = 0;
    while (i < in.size) {
      int unitEnd = singleUnitEnd(in, i);
      if (unitEnd < 0) {
        i++;
        continue;
      }
      int runStart = i;
      int units = 1;
      int letters = isLetter(in.chars[i]) ? 1 : 0;
      int end = unitEnd;
      while (end + 1 < in.size && isSpacer(in.chars[end])) {
        int next = singleUnitEnd(in, end + 1);
        if (next < 0) {
          break;
        }
        letters += isLetter(in.chars[end + 1]) ? 1 : 0;
        units++;
        end = next;
      }
      if (units >= 2 && letters >= 1) {
        if (runs == runStarts.length) {
          runStarts = Arrays.copyOf(runStarts, runs * 2);
          runEnds = Arrays.copyOf(runEnds, runs * 2);
          runUnits = Arrays.copyOf(runUnits, runs * 2);
        }
        runStarts[runs] = runStart;
        runEnds[runs] = end;
        runUnits[runs] = units;
        runs++;
        anyLong |= units >= 3 && letters >= 2;
      }
      i = end;
    }
    if (!anyLong) {
      return in;
    }
    var out = new Buffer(in.size);
    int run = 0;
    for (int k = 0; k < in.size; k++) {
      while (run < runs && runEnds[run] <= k) {
        run++;
      }
      boolean inside = run < runs && runStarts[run] <= k && k < runEnds[run];
      if (inside && isSpacer(in.chars[k]) && k > runStarts[run]) {
        continue;
      }
      out.add(in.chars[k], in.starts[k], in.ends[k], in.obfuscated[k] || inside);
    }
    return out;
  }

  /** End of the single-letter unit at {@code i} (an umlaut's two letters count as one), or -1. */
  private static int singleUnitEnd(Buffer in, int i) {
    if (!isWordLike(in.chars[i]) || (i > 0 && isWordLike(in.chars[i - 1]))) {
      return -1;
    }
    int end = i + 1;
    while (end < in.size && in.starts[end] == in.starts[i]) {
      end++;
    }
    if (end < in.size && isWordLike(in.chars[end])) {
      return -1;
    }
    return end;
  }

  private static boolean isSpacer(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '_' || c == '+' || c == '~';
  }

  private static boolean isWordLike(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '€' || c == '*';
  }

  // Stage 3: leetspeak inside words that have letters: "k1ll", "sh00t", "h@ng", "3uch", "d1ch".
  // Numbers stay numbers ("3 people", "20uhr", "5min", "ak47").
  private static Buffer readLeetspeak(Buffer in) {
    var out = new Buffer(in.size);
    int i = 0;
    while (i < in.size) {
      if (in.chars[i] == ' ' || in.chars[i] == '\n') {
        out.add(in.chars[i], in.starts[i], in.ends[i], in.obfuscated[i]);
        i++;
        continue;
      }
      int end = i;
      boolean hasLetter = false;
      while (end < in.size && in.chars[end] != ' ' && in.chars[end] != '\n') {
        hasLetter |= isLetter(in.chars[end]);
        end++;
      }
      if (!hasLetter) {
        for (int k = i; k < end; k++) {
          out.add(in.chars[k], in.starts[k], in.ends[k], in.obfuscated[k]);
        }
      } else {
        readToken(in, i, end, out);
      }
      i = end;
    }
    return out;
  }

  private static void readToken(Buffer in, int from, int to, Buffer out) {
    int firstLetter = from;
    while (!isLetter(in.chars[firstLetter])) {
      firstLetter++;
    }
    boolean mention =
        in.chars[from] == '@'
            && to - from >= 3
            && isWordChar(in.chars[from + 1])
            && isWordChar(in.chars[from + 2]);
    boolean leadingLeet = firstLetter - from == 1 && !isUnit(in, firstLetter, to) && !mention;
    int trailingDigits = 0;
    boolean trailingAllOnes = true;
    for (int k = to - 1; k >= from && !isLetter(in.chars[k]); k--) {
      char c = in.chars[k];
      if (c >= '0' && c <= '9') {
        trailingDigits++;
        trailingAllOnes &= c == '1';
      } else if (trailingDigits > 0) {
        break;
      }
    }
    boolean keepTrailing = trailingDigits >= 2 && !trailingAllOnes;
    for (int k = from; k < to; k++) {
      char c = in.chars[k];
      char read = 0;
      boolean afterLetter = k > firstLetter || (k == from && leadingLeet);
      boolean beforeLetter = k + 1 < to && isLetter(in.chars[k + 1]);
      boolean inTrailing =
          keepTrailing && k >= to - trailingDigits - 1 && isDigitOrSpace(in, k, to);
      if (afterLetter && !inTrailing) {
        read =
            switch (c) {
              case '0' -> 'o';
              case '1' -> oneAs(in, out, k, from, to);
              case '3', '€' -> 'e';
              case '4', '@' -> 'a';
              case '5', '$' -> 's';
              case '7' -> 't';
              case '!', '|' -> beforeLetter ? (c == '!' ? 'i' : 'l') : 0;
              default -> 0;
            };
      }
      if (read != 0) {
        out.add(read, in.starts[k], in.ends[k], true);
      } else {
        out.add(c, in.starts[k], in.ends[k], in.obfuscated[k]);
      }
    }
  }

  private static boolean isDigitOrSpace(Buffer in, int k, int to) {
    for (int j = k; j < to; j++) {
      if (isLetter(in.chars[j])) {
        return false;
      }
    }
    return in.chars[k] >= '0' && in.chars[k] <= '9';
  }

  private static char oneAs(Buffer in, Buffer out, int k, int from, int to) {
    boolean nextOne = k + 1 < to && in.chars[k + 1] == '1';
    boolean previousOne = k > from && in.chars[k - 1] == '1';
    char before = out.size > 0 ? out.chars[out.size - 1] : 0;
    return nextOne || previousOne || before == 'l' || before == 'i' ? 'l' : 'i';
  }

  private static final String[] UNITS = {
    "am", "pm", "h", "uhr", "min", "mins", "std", "sek", "sec", "k", "m", "mm", "cm", "km", "kg",
    "g", "x", "st", "nd", "rd", "th", "er", "mal", "fach", "jahre", "jahr", "years", "yrs", "days",
    "tage", "euro", "eur", "usd", "d", "w", "y"
  };

  private static boolean isUnit(Buffer in, int from, int to) {
    int end = from;
    while (end < to && isLetter(in.chars[end])) {
      end++;
    }
    outer:
    for (String unit : UNITS) {
      if (unit.length() != end - from) {
        continue;
      }
      for (int k = 0; k < unit.length(); k++) {
        if (unit.charAt(k) != in.chars[from + k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  // Stage 4: every run of one letter becomes one letter; whitespace runs become one space or
  // one line break (a line break ends a sentence).
  private static Buffer fold(Buffer in) {
    var out = new Buffer(in.size);
    for (int k = 0; k < in.size; k++) {
      char c = in.chars[k];
      char last = out.size > 0 ? out.chars[out.size - 1] : '\n';
      if ((isLetter(c) || c == '*') && c == last) {
        out.ends[out.size - 1] = in.ends[k];
        out.obfuscated[out.size - 1] |= in.obfuscated[k];
        continue;
      }
      if (c == ' ' && (last == ' ' || last == '\n')) {
        continue;
      }
      if (c == '\n' && (last == ' ' || last == '\n')) {
        if (out.size > 0 && last == ' ') {
          out.chars[out.size - 1] = '\n';
        }
        continue;
      }
      out.add(c, in.starts[k], in.ends[k], in.obfuscated[k]);
    }
    while (out.size > 0 && (out.chars[out.size - 1] == ' ' || out.chars[out.size - 1] == '\n')) {
      out.size--;
    }
    return out;
  }

  static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static final class Buffer {
    char[] chars;
    int[] starts;
    int[] ends;
    boolean[] obfuscated;
    int size;

    Buffer(int capacity) {
      chars = new char[capacity];
      starts = new int[capacity];
      ends = new int[capacity];
      obfuscated = new boolean[capacity];
    }

    void add(char c, int start, int end, boolean disguised) {
      if (size == chars.length) {
        int capacity = size * 2 + 8;
        chars = Arrays.copyOf(chars, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        obfuscated = Arrays.copyOf(obfuscated, capacity);
      }
      chars[size] = c;
      starts[size] = start;
      ends[size] = end;
      obfuscated[size] = disguised;
      size++;
    }
  }
}
