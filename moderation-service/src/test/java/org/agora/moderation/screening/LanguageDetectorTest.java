package org.agora.moderation.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.agora.moderation.domain.screening.LanguageDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** German and English told apart by stopwords, with spelling as a tie-breaker. */
class LanguageDetectorTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Der Täter wurde noch am Abend festgenommen              | de
          Police say the attacker killed three people             | en
          Wir werden euch finden                                  | de
          We will find you and we know where you live             | en
          Hängt sie alle                                          | de
          Grab your guns and meet at the courthouse at noon       | en
          Ich könnte ihn umbringen, so lustig war der Abend       | de
          you're killing me with these puns lmao                  | en
          """)
  void tellsGermanFromEnglish(String text, String language) {
    assertThat(LanguageDetector.detect(text).language()).isEqualTo(language);
  }

  @Test
  void isConfidentAboutAnOrdinarySentence() {
    assertThat(LanguageDetector.detect("Die Polizei sucht noch nach weiteren Zeugen").confident())
        .isTrue();
    assertThat(LanguageDetector.detect("The police are still looking for witnesses").confident())
        .isTrue();
  }

  @Test
  void saysSoWhenAPostIsTooShortToTell() {
    assertThat(LanguageDetector.detect("KILL").confident()).isFalse();
    assertThat(LanguageDetector.detect("").confident()).isFalse();
  }

  @Test
  void ignoresWordsBothLanguagesShare() {
    // "die", "will", "was", "in" and "war" count for neither language.
    var detection = LanguageDetector.detect("die will was in war");

    assertThat(detection.english()).isZero();
    assertThat(detection.german()).isZero();
  }
}
