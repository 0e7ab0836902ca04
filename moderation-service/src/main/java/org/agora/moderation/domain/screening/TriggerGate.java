package org.agora.moderation.domain.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * A trie of the letters every trigger phrase starts with. Walking the words of a sentence through
 * it tells, without a regex and without allocating, which trigger slots may match there; most posts
 * have none and are cleared after this walk alone.
 */
final class TriggerGate {
  private final Node root = new Node();

  private static final class Node {
    final Node[] next = new Node[26];
    long mask;
  }

  void add(String prefix, int slot) {
    Node node = root;
    for (int i = 0; i < prefix.length(); i++) {
      int c = prefix.charAt(i) - 'a';
      if (node.next[c] == null) {
        node.next[c] = new Node();
      }
      node = node.next[c];
    }
    node.mask |= 1L << slot;
  }

  /** The trigger slots whose phrases may start at some word of {@code text[from, to)}. */
  long scan(String text, int from, int to) {
    long mask = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean wordStart = (isLetter(c) || c == '*') && (i == 0 || !isWordChar(text.charAt(i - 1)));
      if (wordStart) {
        mask |= walk(root, text, i, to);
      }
    }
    return mask;
  }

  /** The slots whose phrases may start at word start {@code i} (0 elsewhere). */
  long at(String text, int i, int to) {
    return isWordStart(text, i) ? walk(root, text, i, to) : 0;
  }

  /** A word starts here: a letter, {@code *}, {@code @} or {@code '} after a non-word character. */
  static boolean isWordStart(String text, int i) {
    char c = text.charAt(i);
    return (isLetter(c) || c == '*' || c == '@' || c == '\'')
        && (i == 0 || !isWordChar(text.charAt(i - 1)));
  }

  private static long walk(Node node, String text, int i, int to) {
    long mask = node.mask;
    if (i >= to) {
      return mask;
    }
    char c = text.charAt(i);
    if (isLetter(c)) {
      Node next = node.next[c - 'a'];
      return next == null ? mask : mask | walk(next, text, i + 1, to);
    }
    if (c == '*') {
      for (char vowel : VOWELS) {
        Node next = node.next[vowel - 'a'];
        if (next != null) {
          mask |= walk(next, text, i + 1, to);
        }
      }
    }
    return mask;
  }

  private static final char[] VOWELS = {'a', 'e', 'i', 'o', 'u'};

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '*';
  }

  /**
   * The folded letters every match of {@code phrase} starts with: its leading literal letters, or
   * those of each alternative of a leading group; an optional letter (an umlaut's e) gives both
   * spellings. Empty when the phrase does not start with {@code min} certain letters.
   */
  static List<String> prefixes(String phrase, int min) {
    if (phrase.startsWith("(?:")) {
      int depth = 0;
      int end = -1;
      var alternatives = new ArrayList<String>();
      int from = 3;
      for (int i = 0; i < phrase.length() && end < 0; i++) {
        char c = phrase.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          alternatives.add(phrase.substring(from, i));
          end = i;
        } else if (c == '|' && depth == 1) {
          alternatives.add(phrase.substring(from, i));
          from = i + 1;
        }
      }
      if (end < 0 || (end + 1 < phrase.length() && "?*{".indexOf(phrase.charAt(end + 1)) >= 0)) {
        return List.of();
      }
      var all = new ArrayList<String>();
      for (String alternative : alternatives) {
        var some = prefixes(alternative, min);
        if (some.isEmpty()) {
          return List.of();
        }
        all.addAll(some);
      }
      return all;
    }
    var raw = new StringBuilder();
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (c == '?' || c == '*' || c == '{') {
        if (!raw.isEmpty()) {
          raw.setLength(raw.length() - 1);
        }
        break;
      }
      if (!Character.isLetter(c) && c != '\'' && c != '-') {
        break;
      }
      raw.append(c);
    }
    String folded = TextNormalizer.foldPattern(raw.toString()).replaceAll("\\[(.)\\*]", "$1");
    var prefixes = new ArrayList<String>(List.of(""));
    for (int i = 0; i < folded.length() && isLetter(folded.charAt(i)); i++) {
      boolean optional = i + 1 < folded.length() && folded.charAt(i + 1) == '?';
      var longer = new ArrayList<String>();
      for (String prefix : prefixes) {
        longer.add(prefix + folded.charAt(i));
      }
      if (optional) {
        prefixes.addAll(longer);
        i++;
      } else {
        prefixes = longer;
      }
    }
    for (String prefix : prefixes) {
      if (prefix.length() < min) {
        return List.of();
      }
    }
    return prefixes;
  }
}
