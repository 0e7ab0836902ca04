package org.agora.moderation.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.agora.moderation.domain.screening.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation undoes trivial evasion and keeps a way back to the original text. */
class TextNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          KILL                       | kil
          k1ll                       | kil
          ki11                       | kil
          sh00t                      | shot
          h@ng                       | hang
          3uch                       | euch
          d1ch                       | dich
          Schw€ine                   | schweine
          k i l l                    | kil
          k.i.l.l                    | kil
          m-u-r-d-e-r                | murder
          t ö t e t   s i e   a l l e | toetet sie ale
          kiiiiilllll                | kil
          Häääängt                   | haengt
          Haengt                     | haengt
          Straße                     | strase
          𝐤𝐢𝐥𝐥                       | kil
          ＫＩＬＬ                       | kil
          kіll                       | kil
          ki\u200Bll                 | kil
          café                       | cafe
          „Hängt sie“                | "haengt sie"
          it’s                       | it's
          3 people                   | 3 people
          at 5pm                     | at 5pm
          20uhr                      | 20uhr
          ak47                       | ak47
          @lena_writes               | @lena_writes
          """)
  void undoesEvasion(String original, String normalized) {
    String text = original.replace("\\u200B", "\u200B");
    assertThat(TextNormalizer.normalize(text).text()).isEqualTo(normalized);
  }

  @Test
  void collapsesWhitespaceAndKeepsLineBreaksAsSentenceEnds() {
    assertThat(TextNormalizer.normalize("  a   b \n\n c  ").text()).isEqualTo("a b\nc");
  }

  @Test
  void mapsEveryNormalisedSpanBackToTheOriginal() {
    String original = "Na? Ich werde d1ch    T Ö T E N!";
    var normalized = TextNormalizer.normalize(original);
    int from = normalized.text().indexOf("dich");
    int to = normalized.text().indexOf("toeten") + "toeten".length();

    assertThat(normalized.originalSlice(from, to)).isEqualTo("d1ch    T Ö T E N");
  }

  @Test
  void marksDisguisedLettersButNotOrdinarySpelling() {
    var disguised = TextNormalizer.normalize("I will k1ll you");
    var plain = TextNormalizer.normalize("Die Straße ist gesperrt, Häuser geräumt");

    assertThat(disguised.obfuscated(0, disguised.text().length())).isTrue();
    assertThat(plain.obfuscated(0, plain.text().length())).isFalse();
  }

  @Test
  void copesWithEmptyText() {
    var normalized = TextNormalizer.normalize("");

    assertThat(normalized.text()).isEmpty();
    assertThat(normalized.originalSlice(0, 0)).isEmpty();
  }
}
