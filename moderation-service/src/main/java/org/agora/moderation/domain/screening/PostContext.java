package org.agora.moderation.domain.screening;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What surrounds a match in one post: sentences, clauses, quotations, and the context cues, each
 * looked up at most once and only for posts that matched a rule at all.
 */
final class PostContext {
  private final String text;
  private final Matcher matcher;
  private final int[] sentenceStarts;
  private final int[] sentenceEnds;
  private final int sentences;
  private boolean[] quoted;
  private int attribution = -1;
  private int laughter = -1;
  private int trivial = -1;
  private int weapon = -1;
  private int time = -1;
  private int home = -1;
  private double genreFactor = -1;
  private String genre;
  private long cues = -1;
  private int[][] words;

  PostContext(String text) {
    this.text = text;
    this.matcher = Cues.NEGATION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (isSentenceEnd(text.charAt(i))) {
        count++;
      }
    }
    sentenceStarts = new int[count];
    sentenceEnds = new int[count];
    int n = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isSentenceEnd(text.charAt(i))) {
        while (i + 1 < text.length() && isSentenceEnd(text.charAt(i + 1))) {
          i++;
        }
        sentenceStarts[n] = start;
        sentenceEnds[n++] = i + 1;
        start = i + 1;
      }
    }
    if (start < text.length()) {
      sentenceStarts[n] = start;
      sentenceEnds[n++] = text.length();
    }
    sentences = n;
  }

  int sentences() {
    return sentences;
  }

  int sentenceStart(int i) {
    return sentenceStarts[i];
  }

  int sentenceEnd(int i) {
    return sentenceEnds[i];
  }

  private static boolean isSentenceEnd(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
  }

  boolean find(Pattern pattern, int from, int to) {
    matcher.usePattern(pattern);
    matcher.region(from, to);
    return matcher.find();
  }

  boolean find(Pattern pattern) {
    return find(pattern, 0, text.length());
  }

  private boolean find(Cues.Cue cue) {
    return find(cue, 0, text.length());
  }

  private boolean find(Cues.Cue cue, int from, int to) {
    if (cues == -1) {
      cues = Cues.present(text);
    }
    long bit = 1L << cue.bit();
    if ((cues & bit) == 0) {
      return false;
    }
    if (!Cues.gated(cue)) {
      return find(cue.pattern(), from, to);
    }
    matcher.usePattern(cue.pattern());
    for (int i = from; i < to; i++) {
      if ((Cues.at(text, i, to) & bit) != 0) {
        matcher.region(i, to);
        if (matcher.lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The positions where words start in sentence {@code s}. */
  int[] wordStarts(int s) {
    if (words == null) {
      words = new int[sentences][];
    }
    if (words[s] == null) {
      int[] found = new int[16];
      int n = 0;
      for (int i = sentenceStarts[s]; i < sentenceEnds[s]; i++) {
        if (TriggerGate.isWordStart(text, i)) {
          if (n == found.length) {
            found = Arrays.copyOf(found, n * 2);
          }
          found[n++] = i;
        }
      }
      words[s] = Arrays.copyOf(found, n);
    }
    return words[s];
  }

  /**
   * Negated if a negation stands in the match or just before it in the same clause (at most four
   * words back), unless it negates stopping ("won't stop until").
   */
  boolean negated(int start, int end) {
    int from = clauseStart(start);
    int words = 0;
    for (int i = start - 1; i > from; i--) {
      if (text.charAt(i) == ' ' && ++words == 5) {
        from = i;
        break;
      }
    }
    matcher.usePattern(Cues.NEGATION);
    matcher.region(from, end);
    while (matcher.find()) {
      int after = matcher.end();
      matcher.usePattern(Cues.NEGATION_EXCEPTION);
      matcher.region(after, text.length());
      boolean excepted = matcher.lookingAt();
      if (!excepted) {
        return true;
      }
      matcher.usePattern(Cues.NEGATION);
      matcher.region(after, end);
    }
    return false;
  }

  private int clauseStart(int pos) {
    for (int i = pos - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (isSentenceEnd(c) || c == ',' || c == ':' || c == '"') {
        return i + 1;
      }
      if (c == '-' && i > 0 && text.charAt(i - 1) == ' ') {
        return i + 1;
      }
    }
    return 0;
  }

  boolean quoted(int start, int end) {
    if (quoted == null) {
      quoted = quotations(text);
    }
    return end > start && quoted[start] && quoted[end - 1];
  }

  /** Quoted, and the post says who said it or condemns it: reporting or refuting a threat. */
  boolean attributed() {
    if (attribution < 0) {
      attribution = find(Cues.ATTRIBUTION) || find(Cues.CONDEMNATION) ? 1 : 0;
    }
    return attribution == 1;
  }

  boolean reporting(int pos) {
    for (int i = 0; i < sentences; i++) {
      if (pos >= sentenceStarts[i] && pos < sentenceEnds[i]) {
        return find(Cues.REPORTING, sentenceStarts[i], sentenceEnds[i]);
      }
    }
    return false;
  }

  boolean laughter() {
    if (laughter < 0) {
      laughter = find(Cues.LAUGHTER) ? 1 : 0;
    }
    return laughter == 1;
  }

  boolean trivialCondition() {
    if (trivial < 0) {
      trivial = find(Cues.TRIVIAL) ? 1 : 0;
    }
    return trivial == 1;
  }

  boolean weapon() {
    if (weapon < 0) {
      weapon = find(Cues.WEAPON) ? 1 : 0;
    }
    return weapon == 1;
  }

  boolean time() {
    if (time < 0) {
      time = find(Cues.TIME) ? 1 : 0;
    }
    return time == 1;
  }

  boolean home() {
    if (home < 0) {
      home = find(Cues.HOME) ? 1 : 0;
    }
    return home == 1;
  }

  /** How much fiction, games, sports or history soften a match (1 when none is present). */
  double genreFactor() {
    if (genreFactor < 0) {
      genreFactor = 1;
      if (find(Cues.FICTION)) {
        genreFactor = 0.3;
        genre = "fiction";
      } else if (find(Cues.GAMING)) {
        genreFactor = 0.3;
        genre = "gaming";
      } else if (find(Cues.SPORTS)) {
        genreFactor = 0.35;
        genre = "sports";
      } else if (find(Cues.HISTORY)) {
        genreFactor = 0.35;
        genre = "history";
      }
    }
    return genreFactor;
  }

  String genre() {
    genreFactor();
    return genre;
  }

  /**
   * Marks the characters between paired double quotes, and between single quotes that open after a
   * space and close before one (so apostrophes in "you're" are not quotes).
   */
  private static boolean[] quotations(String text) {
    var inside = new boolean[text.length()];
    int open = -1;
    char kind = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '"' && c != '\'') {
        continue;
      }
      char before = i == 0 ? ' ' : text.charAt(i - 1);
      char after = i + 1 == text.length() ? ' ' : text.charAt(i + 1);
      if (open >= 0 && c == kind && (c == '"' || !isLetter(after))) {
        for (int k = open; k <= i; k++) {
          inside[k] = true;
        }
        open = -1;
      } else if (open < 0 && (c == '"' || (" \n(:-".indexOf(before) >= 0 && isLetter(after)))) {
        open = i;
        kind = c;
      }
    }
    return inside;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }
}
