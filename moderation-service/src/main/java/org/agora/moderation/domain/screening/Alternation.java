package org.agora.moderation.domain.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins regex alternatives into one group factored by common prefixes, {@code i\s+(?:will|shall)}
 * rather than {@code i\s+will|i\s+shall}, so the engine decides on the first character instead of
 * trying hundreds of words one after another at every word start. The language matched is
 * unchanged; where one alternative is a prefix of another, the longer is tried first.
 */
final class Alternation {
  private Alternation() {}

  private static final class Node {
    final Map<String, Node> children = new LinkedHashMap<>();
    boolean terminal;
  }

  static String of(List<String> alternatives) {
    var root = new Node();
    for (String alternative : alternatives) {
      List<String> atoms = atoms(alternative);
      if (atoms == null) {
        return "(?:" + String.join("|", alternatives) + ")";
      }
      Node node = root;
      for (String atom : atoms) {
        node = node.children.computeIfAbsent(atom, a -> new Node());
      }
      node.terminal = true;
    }
    return "(?:" + emit(root) + ")";
  }

  private static String emit(Node node) {
    var parts = new ArrayList<String>();
    for (var child : node.children.entrySet()) {
      parts.add(child.getKey() + emit(child.getValue()));
    }
    if (parts.isEmpty()) {
      return "";
    }
    if (node.terminal) {
      parts.add("");
    }
    return parts.size() == 1 ? parts.get(0) : "(?:" + String.join("|", parts) + ")";
  }

  /** Splits a regex into atoms (a character, escape, class or group, with its quantifier). */
  private static List<String> atoms(String regex) {
    var atoms = new ArrayList<String>();
    int i = 0;
    while (i < regex.length()) {
      int start = i;
      char c = regex.charAt(i);
      if (c == '|' || c == ')') {
        return null;
      }
      if (c == '\\') {
        i += 2;
      } else if (c == '[') {
        i = classEnd(regex, i);
      } else if (c == '(') {
        i = groupEnd(regex, i);
      } else {
        i++;
      }
      if (i < 0 || i > regex.length()) {
        return null;
      }
      i = quantifierEnd(regex, i);
      atoms.add(regex.substring(start, i));
    }
    return atoms;
  }

  private static int classEnd(String regex, int i) {
    for (int k = i + 1; k < regex.length(); k++) {
      char c = regex.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == ']') {
        return k + 1;
      }
    }
    return -1;
  }

  private static int groupEnd(String regex, int i) {
    int depth = 0;
    for (int k = i; k < regex.length(); k++) {
      char c = regex.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '[') {
        k = classEnd(regex, k) - 1;
        if (k < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return k + 1;
      }
    }
    return -1;
  }

  private static int quantifierEnd(String regex, int i) {
    if (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '?' || c == '*' || c == '+') {
        i++;
      } else if (c == '{' && i + 1 < regex.length() && Character.isDigit(regex.charAt(i + 1))) {
        i = regex.indexOf('}', i) + 1;
      }
      if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
        i++;
      }
    }
    return i;
  }
}
