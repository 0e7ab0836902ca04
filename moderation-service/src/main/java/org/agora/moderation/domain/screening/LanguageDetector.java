package org.agora.moderation.domain.screening;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells German from English by counting stopwords (words both languages share, like "in", "was",
 * "will" or "die", are left out), with umlauts, {@code ß}, "sch" and "th" as tie-breakers. Short
 * posts often carry too little to tell; the detection then says it is not confident and the scorer
 * applies both languages' rules.
 */
public final class LanguageDetector {
  public static final String GERMAN = "de";
  public static final String ENGLISH = "en";

  private static final String[] ENGLISH_WORDS = {
    "the", "and", "you", "your", "you're", "youre", "is", "are", "to", "of", "that", "this", "it",
    "it's", "with", "for", "on", "at", "be", "have", "has", "not", "just", "they", "them", "we",
    "i", "i'm", "im", "my", "me", "he", "she", "his", "her", "what", "all", "if", "but", "do",
    "don't", "can", "would", "should", "there", "their", "from", "by", "a", "or", "about", "like",
    "get", "going", "gonna", "been", "were", "our", "who", "how", "when", "where", "out", "up",
    "no", "yes", "one", "every", "some", "any", "these", "those", "than", "then", "too", "very",
    "really", "after", "before", "because", "never", "always", "more", "off", "into", "over", "him",
    "let's", "i'll", "we'll", "won't", "can't", "here", "now", "today", "again"
  };

  private static final String[] GERMAN_WORDS = {
    "der", "das", "und", "ist", "ich", "du", "wir", "ihr", "sie", "nicht", "ein", "eine", "einen",
    "einem", "einer", "zu", "mit", "auf", "den", "dem", "des", "es", "sich", "auch", "wie", "für",
    "von", "im", "werden", "wird", "werde", "aber", "noch", "nur", "schon", "alle", "euch", "dich",
    "mich", "uns", "kein", "keine", "doch", "mal", "jetzt", "heute", "hier", "hat", "habe", "hab",
    "bin", "bist", "sind", "wenn", "dass", "oder", "wo", "nach", "bei", "aus", "vor", "gibt",
    "diese", "dieser", "diesen", "nie", "niemand", "sollte", "muss", "beim", "zum", "zur", "vom",
    "ins", "sein", "seine", "mein", "meine", "meinen", "dein", "deine", "wer", "weil", "gegen",
    "unter", "über", "ganz", "immer", "gestern", "morgen", "endlich", "wieder", "dann", "jeder",
    "jede", "einfach", "gehören", "gehört", "haben", "wurde", "wurden", "waren", "bis", "sehr",
    "viel", "gut", "soll", "kann", "würde"
  };

  private static final long[] ENGLISH_TABLE = table(ENGLISH_WORDS, GERMAN_WORDS);
  private static final long[] GERMAN_TABLE = table(GERMAN_WORDS, ENGLISH_WORDS);

  private LanguageDetector() {}

  /** The outcome: the likelier language, whether the evidence was clear, and the counts. */
  public record Detection(String language, boolean confident, double english, double german) {}

  public static Detection detect(String text) {
    return detect(TextNormalizer.normalize(text));
  }

  public static Detection detect(NormalizedText normalized) {
    String text = normalized.text();
    double english = 0;
    double german = 0;
    double th = 0;
    double sch = 0;
    int i = 0;
    while (i < text.length()) {
      if (!isTokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      long hash = SEED;
      while (i < text.length() && isTokenChar(text.charAt(i))) {
        hash = hash * 31 + text.charAt(i);
        i++;
      }
      if (Arrays.binarySearch(ENGLISH_TABLE, hash) >= 0) {
        english++;
      } else if (Arrays.binarySearch(GERMAN_TABLE, hash) >= 0) {
        german++;
      }
      th += contains(text, start, i, "th") ? 0.5 : 0;
      sch += contains(text, start, i, "sch") ? 0.5 : 0;
    }
    english += Math.min(th, 1.0);
    german += Math.min(sch, 1.0) + (hasGermanLetters(normalized.original()) ? 1.0 : 0);
    String language = german > english ? GERMAN : ENGLISH;
    double high = Math.max(english, german);
    double low = Math.min(english, german);
    boolean confident = high >= 2 && high >= 2 * low;
    return new Detection(language, confident, english, german);
  }

  private static final long SEED = 1125899906842597L;

  private static long[] table(String[] words, String[] others) {
    Set<String> other = new HashSet<>();
    for (String word : others) {
      other.add(TextNormalizer.normalize(word).text());
    }
    var hashes = new long[words.length];
    int n = 0;
    for (String word : words) {
      String folded = TextNormalizer.normalize(word).text();
      if (other.contains(folded)) {
        continue;
      }
      long hash = SEED;
      for (int k = 0; k < folded.length(); k++) {
        hash = hash * 31 + folded.charAt(k);
      }
      hashes[n++] = hash;
    }
    var table = Arrays.copyOf(hashes, n);
    Arrays.sort(table);
    return table;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || c == '\'';
  }

  private static boolean contains(String text, int from, int to, String part) {
    for (int k = from; k + part.length() <= to; k++) {
      if (text.startsWith(part, k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasGermanLetters(String original) {
    for (int k = 0; k < original.length(); k++) {
      switch (original.charAt(k)) {
        case 'ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü' -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }
}
