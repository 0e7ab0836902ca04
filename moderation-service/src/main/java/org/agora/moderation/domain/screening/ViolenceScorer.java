package org.agora.moderation.domain.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The default {@link PostScorer}: a rule-based first line for German and English violence, threats,
 * incitement, calls to arms, glorification and terrorism. It normalises the text against evasion,
 * finds phrases by pattern (who speaks, to whom, with what intent), weighs them by context
 * (negation, quotation, reporting, idiom, fiction, games, sports, history, jokes) and combines the
 * weights into a risk. A risk at or above the hold threshold holds the post for a moderator; the
 * weights lean towards holding when unsure, because holding only delays a post and deletes nothing.
 * Thread-safe and free of I/O; the rules compile once per class.
 */
public final class ViolenceScorer implements PostScorer {
  public static final String VERSION = "violence-rules/1.0.0";
  public static final double DEFAULT_HOLD_THRESHOLD = 0.5;

  private static final RuleSet ENGLISH = EnglishRules.build();
  private static final RuleSet GERMAN = GermanRules.build();

  private final double holdThreshold;
  private final String scorerVersion;

  public ViolenceScorer() {
    this(DEFAULT_HOLD_THRESHOLD);
  }

  /**
   * @param holdThreshold the risk from which a post is held, in (0, 1]
   */
  public ViolenceScorer(double holdThreshold) {
    if (!(holdThreshold > 0 && holdThreshold <= 1)) {
      throw new IllegalArgumentException(
          "holdThreshold: " + holdThreshold + ", must be above 0 and at most 1");
    }
    this.holdThreshold = holdThreshold;
    this.scorerVersion = VERSION + String.format(Locale.ROOT, "@%.2f", holdThreshold);
  }

  public double holdThreshold() {
    return holdThreshold;
  }

  @Override
  public Screening score(String text, String language) {
    if (text == null) {
      throw new IllegalArgumentException("text: missing");
    }
    var normalized = TextNormalizer.normalize(text);
    var detection = LanguageDetector.detect(normalized);
    String given = languageCode(language);
    String primary = given != null ? given : detection.language();
    boolean both = !detection.confident() || !detection.language().equals(primary);

    List<Signal> signals = null;
    PostContext context = null;
    for (RuleSet rules : both ? order(primary) : List.of(rulesFor(primary))) {
      String t = normalized.text();
      if (rules.gate().scan(t, 0, t.length()) == 0) {
        continue;
      }
      if (context == null) {
        context = new PostContext(t);
      }
      signals = match(rules, normalized, context, signals);
    }
    if (signals == null || signals.isEmpty()) {
      return new Screening(0, Verdict.CLEARED, null, null, primary, scorerVersion);
    }
    return decide(signals, normalized, context, primary);
  }

  private static List<RuleSet> order(String primary) {
    return GermanRules.LANGUAGE.equals(primary)
        ? List.of(GERMAN, ENGLISH)
        : List.of(ENGLISH, GERMAN);
  }

  private static RuleSet rulesFor(String language) {
    return GermanRules.LANGUAGE.equals(language) ? GERMAN : ENGLISH;
  }

  private static String languageCode(String language) {
    if (language == null || language.length() < 2) {
      return null;
    }
    String code = language.substring(0, 2).toLowerCase(Locale.ROOT);
    return code.equals("de") || code.equals("en") ? code : null;
  }

  private record Signal(Rule rule, int start, int end, RuleSet rules) {}

  private static List<Signal> match(
      RuleSet rules, NormalizedText normalized, PostContext context, List<Signal> signals) {
    String text = normalized.text();
    Matcher matcher = null;
    for (int s = 0; s < context.sentences(); s++) {
      int from = context.sentenceStart(s);
      int to = context.sentenceEnd(s);
      long present = rules.gate().scan(text, from, to);
      if (present == 0) {
        continue;
      }
      int[] words = context.wordStarts(s);
      int[][] starts = new int[rules.starters().size()][];
      for (Rule rule : rules.rules()) {
        if ((rule.triggers() & present) != rule.triggers()) {
          continue;
        }
        int[] candidates = words;
        if (rule.starter() >= 0) {
          if (starts[rule.starter()] == null) {
            starts[rule.starter()] = filter(rules.starters().get(rule.starter()), text, words, to);
          }
          candidates = starts[rule.starter()];
        }
        if (candidates.length == 0) {
          continue;
        }
        if (matcher == null) {
          matcher = rule.pattern().matcher(text);
          matcher.useTransparentBounds(true).useAnchoringBounds(false);
        } else {
          matcher.usePattern(rule.pattern());
        }
        for (int start : candidates) {
          matcher.region(start, to);
          if (matcher.lookingAt()) {
            signals = add(signals, new Signal(rule, matcher.start(), matcher.end(), rules));
          }
        }
      }
    }
    return signals;
  }

  /** The words at which the starter gate says a rule may begin. */
  private static int[] filter(TriggerGate starter, String text, int[] words, int to) {
    int n = 0;
    int[] found = new int[words.length];
    for (int word : words) {
      if (starter.at(text, word, to) != 0) {
        found[n++] = word;
      }
    }
    return n == found.length ? found : Arrays.copyOf(found, n);
  }

  private static List<Signal> add(List<Signal> signals, Signal signal) {
    if (signals == null) {
      signals = new ArrayList<>(4);
    }
    signals.add(signal);
    return signals;
  }

  private Screening decide(
      List<Signal> signals, NormalizedText normalized, PostContext context, String language) {
    String text = normalized.text();
    var weighed = new ArrayList<Evidence>(signals.size());
    var spans = new ArrayList<int[]>(signals.size());
    for (Signal signal : signals) {
      Rule rule = signal.rule();
      if (rule.requires() != null && !context.find(rule.requires())) {
        continue;
      }
      if (overlapsIdiom(signal, text)) {
        continue;
      }
      if (rule.negatable() && context.negated(signal.start(), signal.end())) {
        continue;
      }
      var notes = new ArrayList<String>(3);
      double weight = rule.weight() + aggravation(signal, normalized, context, notes);
      weight = Math.min(0.98, weight) * mitigation(signal, context, notes);
      if (weight < 0.005) {
        continue;
      }
      int start = normalized.originalStart(signal.start());
      int end = Math.max(start, normalized.originalEnd(signal.end()));
      weighed.add(
          new Evidence(
              rule.category(),
              rule.id(),
              start,
              end,
              normalized.original().substring(start, end),
              round(weight),
              notes));
      spans.add(new int[] {signal.start(), signal.end()});
    }
    var kept = strongestPerPassage(weighed, spans);
    double keep = 1;
    var categories = EnumSet.noneOf(Category.class);
    for (Evidence evidence : kept) {
      keep *= 1 - evidence.weight();
      categories.add(evidence.category());
    }
    double risk = round(1 - keep);
    var verdict = risk >= holdThreshold ? Verdict.HELD : Verdict.CLEARED;
    kept.sort(Comparator.comparingInt(Evidence::start));
    return new Screening(risk, verdict, categories, kept, language, scorerVersion);
  }

  private static boolean overlapsIdiom(Signal signal, String text) {
    var idioms = signal.rules().idioms();
    if (idioms == null) {
      return false;
    }
    Matcher m = null;
    for (int i = Math.max(0, signal.start() - 40); i < signal.end(); i++) {
      if (signal.rules().idiomGate().at(text, i, text.length()) == 0) {
        continue;
      }
      if (m == null) {
        m = idioms.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      m.region(i, text.length());
      if (m.lookingAt() && m.end() > signal.start()) {
        return true;
      }
    }
    return false;
  }

  private static double aggravation(
      Signal signal, NormalizedText normalized, PostContext context, List<String> notes) {
    double bonus = 0;
    if (normalized.obfuscated(signal.start(), signal.end())) {
      bonus += 0.1;
      notes.add("obfuscated");
    }
    if (context.weapon()) {
      bonus += 0.05;
      notes.add("weapon");
    }
    if (context.time()) {
      bonus += 0.05;
      notes.add("time");
    }
    if (context.home()) {
      bonus += 0.05;
      notes.add("home");
    }
    return bonus;
  }

  private static double mitigation(Signal signal, PostContext context, List<String> notes) {
    double factor = 1;
    Rule rule = signal.rule();
    if (context.quoted(signal.start(), signal.end())) {
      if (context.attributed()) {
        factor *= 0.2;
        notes.add("quoted-attributed");
      } else {
        factor *= 0.85;
        notes.add("quoted");
      }
    }
    // Praise and dehumanisation are the speaker's own, even beside a reporting word.
    boolean evaluative =
        rule.category() == Category.GLORIFICATION || rule.category() == Category.HATE;
    if (!evaluative && context.reporting(signal.start())) {
      factor *= 0.3;
      notes.add("reporting");
    }
    if (rule.genreSensitive() && context.genreFactor() < 1) {
      factor *= context.genreFactor();
      notes.add(context.genre());
    }
    if (rule.category() == Category.THREAT) {
      if (context.trivialCondition()) {
        factor *= 0.3;
        notes.add("trivial-condition");
      }
      if (context.laughter()) {
        factor *= 0.6;
        notes.add("laughter");
      }
    }
    return factor;
  }

  /** Overlapping matches describe one passage: keep the strongest, so none counts twice. */
  private static List<Evidence> strongestPerPassage(List<Evidence> evidence, List<int[]> spans) {
    var order = new ArrayList<Integer>(evidence.size());
    for (int i = 0; i < evidence.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -evidence.get(i).weight()));
    var kept = new ArrayList<Evidence>(evidence.size());
    var keptSpans = new ArrayList<int[]>(evidence.size());
    for (int i : order) {
      int[] span = spans.get(i);
      boolean overlaps = false;
      for (int[] k : keptSpans) {
        overlaps |= span[0] < k[1] && span[1] > k[0];
      }
      if (!overlaps) {
        kept.add(evidence.get(i));
        keptSpans.add(span);
      }
    }
    return kept;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
