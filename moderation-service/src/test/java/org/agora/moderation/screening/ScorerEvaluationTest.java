package org.agora.moderation.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.agora.moderation.domain.screening.Evidence;
import org.agora.moderation.domain.screening.Screening;
import org.agora.moderation.domain.screening.ViolenceScorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 of the default scorer per language, on the tuning set the rules were
 * written against and on a held-out set written before the scorer and never tuned on. The floors
 * sit just below the figures reached, so a regression fails; the figures, the confusion counts, the
 * figures per category and every misjudged post go to {@code target/screening-evaluation.md}. Posts
 * are scored without their language, as the detector would see them.
 */
class ScorerEvaluationTest {
  static final String TUNING = "screening/evaluation-set.tsv";
  static final String HELD_OUT = "screening/held-out-set.tsv";
  private static final Path REPORT = Path.of("target", "screening-evaluation.md");
  private static final ViolenceScorer SCORER = new ViolenceScorer();
  private static final Map<String, String> SECTIONS = new TreeMap<>();

  record Example(String language, boolean hold, String category, String text) {}

  /** The counts of one language on one set; precision of an empty column counts as 1. */
  record Figures(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
    double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 1 : (double) truePositives / predicted;
    }

    double recall() {
      int actual = truePositives + falseNegatives;
      return actual == 0 ? 1 : (double) truePositives / actual;
    }

    double f1() {
      double sum = precision() + recall();
      return sum == 0 ? 0 : 2 * precision() * recall() / sum;
    }
  }

  @Test
  void theTuningSetIsLargeAndBalanced() throws IOException {
    var examples = load(TUNING);
    for (String language : List.of("de", "en")) {
      long hold = examples.stream().filter(e -> e.language().equals(language) && e.hold()).count();
      long clear =
          examples.stream().filter(e -> e.language().equals(language) && !e.hold()).count();
      assertThat(hold + clear).as("%s examples", language).isGreaterThanOrEqualTo(150);
      assertThat((double) hold / (hold + clear)).as("%s share held", language).isBetween(0.4, 0.6);
    }
  }

  @Test
  void meetsTheFloorsOnTheTuningSet() throws IOException {
    var figures = evaluate("Tuning set", TUNING, "The rules were written against these posts.");

    // Reached: 1.000 everywhere; one misjudged post more falls below.
    assertFloors(figures.get("de"), 0.99, 0.99);
    assertFloors(figures.get("en"), 0.99, 0.99);
  }

  @Test
  void meetsTheFloorsOnTheHeldOutSet() throws IOException {
    var figures =
        evaluate(
            "Held-out set",
            HELD_OUT,
            "Written before the scorer and never tuned on: the honest figures.");

    // Reached on the first and only run: de recall 0.875, precision 0.972; en recall 0.700,
    // precision 1.000. One misjudged post more falls below.
    assertFloors(figures.get("de"), 0.87, 0.97);
    assertFloors(figures.get("en"), 0.69, 0.99);
  }

  private static void assertFloors(Figures figures, double recall, double precision) {
    assertThat(figures.recall()).as("recall of %s", figures).isGreaterThanOrEqualTo(recall);
    assertThat(figures.precision())
        .as("precision of %s", figures)
        .isGreaterThanOrEqualTo(precision);
  }

  @AfterAll
  static void writeReport() throws IOException {
    var out = new StringBuilder();
    out.append("# Screening evaluation\n\n");
    out.append("Scorer `").append(SCORER.score("", null).scorerVersion()).append("`; posts are ");
    out.append("scored without their language. Produced by `ScorerEvaluationTest`.\n");
    SECTIONS.values().forEach(out::append);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, out.toString(), StandardCharsets.UTF_8);
  }

  private static Map<String, Figures> evaluate(String title, String resource, String note)
      throws IOException {
    var examples = load(resource);
    var counts = new TreeMap<String, int[]>();
    var categories = new TreeMap<String, int[]>();
    var mistakes = new ArrayList<String>();
    int languageRight = 0;
    for (Example example : examples) {
      Screening screening = SCORER.score(example.text(), null);
      boolean held = screening.held();
      int[] c = counts.computeIfAbsent(example.language(), l -> new int[4]);
      c[example.hold() ? (held ? 0 : 2) : (held ? 1 : 3)]++;
      int[] byCategory =
          categories.computeIfAbsent(
              example.language()
                  + " | "
                  + (example.hold() ? "HOLD" : "CLEAR")
                  + " | "
                  + example.category(),
              k -> new int[2]);
      byCategory[0]++;
      byCategory[1] += held == example.hold() ? 1 : 0;
      languageRight += screening.language().equals(example.language()) ? 1 : 0;
      if (held != example.hold()) {
        mistakes.add(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.3f | %s | %s |%n",
                example.language(),
                example.hold() ? "missed (FN)" : "held (FP)",
                example.category(),
                screening.risk(),
                example.text().replace("|", "\\|"),
                screening.evidence().stream()
                    .max(Comparator.comparingDouble(Evidence::weight))
                    .map(Evidence::rule)
                    .orElse("")));
      }
    }
    var figures = new TreeMap<String, Figures>();
    counts.forEach((language, c) -> figures.put(language, new Figures(c[0], c[1], c[2], c[3])));
    SECTIONS.put(
        resource,
        section(
            title, note, resource, figures, categories, mistakes, languageRight, examples.size()));
    return figures;
  }

  private static String section(
      String title,
      String note,
      String resource,
      Map<String, Figures> figures,
      Map<String, int[]> categories,
      List<String> mistakes,
      int languageRight,
      int total) {
    var out = new StringBuilder();
    out.append("\n## ").append(title).append(" (`src/test/resources/").append(resource);
    out.append("`)\n\n").append(note).append("\n\n");
    out.append("| language | examples | TP | FP | FN | TN | precision | recall | F1 |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    figures.forEach(
        (language, f) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                    language,
                    f.truePositives() + f.falsePositives() + f.falseNegatives() + f.trueNegatives(),
                    f.truePositives(),
                    f.falsePositives(),
                    f.falseNegatives(),
                    f.trueNegatives(),
                    f.precision(),
                    f.recall(),
                    f.f1())));
    out.append(
        String.format(
            Locale.ROOT, "%nLanguage detected correctly: %d of %d.%n%n", languageRight, total));
    out.append("| language | label | category | examples | judged right |\n");
    out.append("|---|---|---|---:|---:|\n");
    categories.forEach(
        (key, c) ->
            out.append("| ")
                .append(key)
                .append(" | ")
                .append(c[0])
                .append(" | ")
                .append(c[1])
                .append(" |\n"));
    out.append("\n").append(mistakes.isEmpty() ? "No post misjudged.\n" : "Misjudged posts:\n\n");
    if (!mistakes.isEmpty()) {
      out.append("| language | error | category | risk | post | strongest rule |\n");
      out.append("|---|---|---|---:|---|---|\n");
      mistakes.forEach(out::append);
    }
    return out.toString();
  }

  static List<Example> load(String resource) throws IOException {
    var examples = new ArrayList<Example>();
    try (InputStream in =
        ScorerEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        assertThat(columns).as("%s:%d has four columns", resource, i + 1).hasSize(4);
        assertThat(columns[0]).as("%s:%d language", resource, i + 1).isIn("de", "en");
        assertThat(columns[1]).as("%s:%d label", resource, i + 1).isIn("HOLD", "CLEAR");
        examples.add(new Example(columns[0], columns[1].equals("HOLD"), columns[2], columns[3]));
      }
    }
    return examples;
  }
}
