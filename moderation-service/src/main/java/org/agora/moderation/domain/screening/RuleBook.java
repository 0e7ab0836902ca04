package org.agora.moderation.domain.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link RuleSet} from readable phrases. A phrase is a space-separated sequence of
 * elements: a literal word (a small regex, folded like the text), a slot {@code {name}} (an
 * alternation of phrases defined earlier), an optional slot {@code {name?}}, a gap {@code {gap0-3}}
 * of up to three words within the sentence, {@code {start}} (the start of a clause or a call: after
 * punctuation, or with "and", "then", "just", ...), {@code {end}} (the end of a clause), {@code
 * {&name}} (a trigger slot that must match at this point, consuming nothing) and {@code {lb_name}}
 * (a slot of look-behinds, glued to the element after it).
 *
 * <p>Trigger slots hold the violent words themselves; every rule must contain one, which lets the
 * scorer skip every sentence that has none. The letters each rule can start with are collected too,
 * so the scorer tries a rule only at the words where it can begin, never by scanning.
 */
final class RuleBook {
  private static final Pattern GAP = Pattern.compile("\\{gap(\\d+)(?:-(\\d+))?}");
  private static final Pattern SLOT = Pattern.compile("\\{([a-z][a-z0-9_]*)(\\??)}");
  private static final Pattern ASSERT = Pattern.compile("\\{&([a-z0-9_]+)}");
  // Possessive: a gap word is a whole token, so giving characters back can never help.
  private static final String GAP_WORD = "[^\\s.!?;]++\\s++";

  private final String language;
  private final Map<String, Slot> slots = new HashMap<>();
  private final List<String> triggerNames = new ArrayList<>();
  private final TriggerGate gate = new TriggerGate();
  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, Integer> starterIndexes = new HashMap<>();
  private final List<TriggerGate> starters = new ArrayList<>();
  private final List<String> idioms = new ArrayList<>();
  private final TriggerGate idiomGate = new TriggerGate();
  private final List<String> connectives;

  /** A compiled slot, the triggers every match contains, and the letters matches start with. */
  private record Slot(String regex, long mask, List<String> prefixes) {}

  private record Compiled(String regex, long mask) {}

  /**
   * @param connectives words that open a clause or a call ("and", "then", "go"); a match of {@code
   *     {start}} includes them
   */
  RuleBook(String language, String... connectives) {
    this.language = language;
    // A clause starts at the text's start, after punctuation, or with a connective: cheaper than
    // a look-behind over words.
    String start =
        "(?:^|(?<=[.!?;:,\\n\"'(\\-])|(?<=[.!?;:,\\n\"'(\\-]\\s)|(?<![a-z0-9_*'])"
            + TextNormalizer.foldPattern("(?:" + String.join("|", connectives) + ")")
            + "\\s++)";
    this.connectives = new ArrayList<>();
    for (String connective : connectives) {
      this.connectives.addAll(TriggerGate.prefixes(connective, 1));
    }
    slots.put("start", new Slot(start, 0, null));
    slots.put("end", new Slot("(?=\\s?(?:[.!?,;:\\n\"']|$))", 0, null));
  }

  /** A slot of phrases that carry no violence of their own (pronouns, places, intent). */
  RuleBook words(String name, String... phrases) {
    define(name, phrases, -1);
    return this;
  }

  /** A slot of violent words; every rule needs at least one trigger slot. */
  RuleBook triggers(String name, String... phrases) {
    int index = triggerNames.size();
    if (index == 63) {
      throw new IllegalStateException(language + ": at most 63 trigger slots");
    }
    triggerNames.add(name);
    for (String phrase : phrases) {
      var prefixes = TriggerGate.prefixes(phrase, 2);
      if (prefixes.isEmpty()) {
        throw new IllegalStateException(
            language + ": trigger {" + name + "} phrase '" + phrase + "' must start with letters");
      }
      for (String prefix : prefixes) {
        gate.add(prefix, index);
      }
    }
    define(name, phrases, index);
    return this;
  }

  RuleBook rule(String id, Category category, double weight, String phrase, Rule.Flag... flags) {
    return rule(id, category, weight, phrase, null, flags);
  }

  /** A rule that counts only if the post also contains a phrase of slot {@code requires}. */
  RuleBook rule(
      String id,
      Category category,
      double weight,
      String phrase,
      String requires,
      Rule.Flag... flags) {
    var compiled = compile(phrase);
    if (compiled.mask == 0) {
      throw new IllegalStateException(language + "." + id + ": names no trigger slot");
    }
    var set = flags.length == 0 ? EnumSet.noneOf(Rule.Flag.class) : EnumSet.copyOf(List.of(flags));
    Pattern required = requires == null ? null : bounded(slot(requires).regex);
    rules.add(
        new Rule(
            language + "." + id,
            category,
            weight,
            bounded(compiled.regex),
            starter(prefixes(phrase)),
            compiled.mask,
            !set.contains(Rule.Flag.NOT_NEGATABLE),
            !set.contains(Rule.Flag.GENRE_BLIND),
            required));
    return this;
  }

  /** Idioms and set phrases: a rule match overlapping one is dropped ("killing it"). */
  RuleBook idioms(String... phrases) {
    for (String phrase : phrases) {
      idioms.add(compile(phrase).regex);
      var prefixes = TriggerGate.prefixes(phrase, 1);
      if (prefixes.isEmpty()) {
        throw new IllegalStateException(
            language + ": idiom '" + phrase + "' must start with letters");
      }
      for (String prefix : prefixes) {
        idiomGate.add(prefix, 0);
      }
    }
    return this;
  }

  RuleSet build() {
    var idiomPattern = idioms.isEmpty() ? null : bounded(Alternation.of(idioms));
    return new RuleSet(
        language, List.copyOf(rules), List.copyOf(starters), gate, idiomPattern, idiomGate);
  }

  static Pattern bounded(String regex) {
    return Pattern.compile("(?<![a-z0-9_*])(?:" + regex + ")(?![a-z0-9_*])");
  }

  /** Rules that start alike share one gate for where they may start; -1: at any word. */
  private int starter(List<String> prefixes) {
    if (prefixes == null) {
      return -1;
    }
    String key = String.join("|", new TreeSet<>(prefixes));
    return starterIndexes.computeIfAbsent(
        key,
        k -> {
          var starter = new TriggerGate();
          for (String prefix : prefixes) {
            starter.add(prefix, 0);
          }
          starters.add(starter);
          return starters.size() - 1;
        });
  }

  /** The letters every match of a phrase starts with, or null when that is not known. */
  private List<String> prefixes(String phrase) {
    return prefixes(elements(phrase), 0);
  }

  private List<String> prefixes(List<String> elements, int index) {
    if (index >= elements.size()) {
      return null;
    }
    String element = elements.get(index);
    Matcher slot = SLOT.matcher(element);
    Matcher assertion = ASSERT.matcher(element);
    if (element.equals("{start}")) {
      return union(connectives, prefixes(elements, index + 1));
    }
    if (assertion.matches()) {
      return slot(assertion.group(1)).prefixes;
    }
    if (slot.matches()) {
      if (slot.group(1).startsWith("lb_")) {
        return prefixes(elements, index + 1);
      }
      List<String> own = slot(slot.group(1)).prefixes;
      return slot.group(2).isEmpty() ? own : union(own, prefixes(elements, index + 1));
    }
    if (GAP.matcher(element).matches() || element.indexOf('{') >= 0) {
      return null;
    }
    var prefixes = TriggerGate.prefixes(element, 1);
    return prefixes.isEmpty() ? null : prefixes;
  }

  private static List<String> union(List<String> a, List<String> b) {
    if (a == null || b == null) {
      return null;
    }
    var all = new ArrayList<String>(a);
    all.addAll(b);
    return all;
  }

  private Slot slot(String name) {
    Slot slot = slots.get(name);
    if (slot == null) {
      throw new IllegalStateException(language + ": no slot {" + name + "}");
    }
    return slot;
  }

  private void define(String name, String[] phrases, int triggerIndex) {
    if (slots.containsKey(name)) {
      throw new IllegalStateException(language + ": slot {" + name + "} defined twice");
    }
    var sorted = phrases.clone();
    Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
    var alternatives = new ArrayList<String>();
    long mask = -1L;
    List<String> prefixes = new ArrayList<>();
    for (String phrase : sorted) {
      var compiled = compile(phrase);
      alternatives.add(compiled.regex);
      mask &= compiled.mask;
      var some = prefixes(phrase);
      if (some == null || prefixes == null) {
        prefixes = null;
      } else {
        prefixes.addAll(some);
      }
    }
    if (triggerIndex >= 0) {
      mask = 1L << triggerIndex;
    }
    slots.put(name, new Slot(Alternation.of(alternatives), mask, prefixes));
  }

  private Compiled compile(String phrase) {
    var out = new StringBuilder();
    long mask = 0;
    boolean glued = true;
    for (String element : elements(phrase)) {
      Matcher gap = GAP.matcher(element);
      Matcher slot = SLOT.matcher(element);
      Matcher assertion = ASSERT.matcher(element);
      if (assertion.matches()) {
        // A trigger that must start here, matched again by the elements that follow.
        Slot s = slot(assertion.group(1));
        separate(out, glued).append("(?=").append(s.regex).append(')');
        mask |= s.mask;
        glued = true;
      } else if (gap.matches()) {
        int min = gap.group(2) == null ? 0 : Integer.parseInt(gap.group(1));
        int max = Integer.parseInt(gap.group(2) == null ? gap.group(1) : gap.group(2));
        separate(out, glued).append("(?:").append(GAP_WORD).append("){").append(min);
        out.append(',').append(max).append('}');
        glued = true;
      } else if (element.startsWith("(?=") || element.startsWith("(?!")) {
        out.append(TextNormalizer.foldPattern(element));
      } else if (element.equals("{start}") || element.equals("{end}")) {
        out.append(slot(element.substring(1, element.length() - 1)).regex);
        glued = element.equals("{start}");
      } else if (slot.matches()) {
        Slot s = slot(slot.group(1));
        if (slot.group(1).startsWith("lb_")) {
          separate(out, glued).append(s.regex);
          glued = true;
        } else if (slot.group(2).isEmpty()) {
          separate(out, glued).append(s.regex);
          mask |= s.mask;
          glued = false;
        } else {
          separate(out, glued).append("(?:").append(s.regex).append("\\s++)?");
          glued = true;
        }
      } else {
        separate(out, glued).append(literal(element));
        glued = false;
      }
    }
    return new Compiled(out.toString(), mask);
  }

  /**
   * A literal element, folded; slots named inside it ("(?:{you}|{them})") are expanded but, being
   * possibly optional, add no trigger to the rule.
   */
  private String literal(String element) {
    var out = new StringBuilder();
    Matcher slot = SLOT.matcher(element);
    int from = 0;
    while (slot.find()) {
      out.append(TextNormalizer.foldPattern(element.substring(from, slot.start())));
      out.append(slot(slot.group(1)).regex);
      from = slot.end();
    }
    return out.append(TextNormalizer.foldPattern(element.substring(from))).toString();
  }

  /** Splits a phrase at spaces outside parentheses and character classes. */
  private static List<String> elements(String phrase) {
    var out = new ArrayList<String>();
    var current = new StringBuilder();
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (c == '\\' && i + 1 < phrase.length()) {
        current.append(c).append(phrase.charAt(++i));
        continue;
      }
      if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ' ' && depth == 0) {
        if (!current.isEmpty()) {
          out.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      current.append(c);
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }

  private static StringBuilder separate(StringBuilder out, boolean glued) {
    return glued ? out : out.append("\\s++");
  }
}
