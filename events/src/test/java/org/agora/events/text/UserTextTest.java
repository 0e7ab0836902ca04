package org.agora.events.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.events.text.UserText.Lines;
import org.junit.jupiter.api.Test;

class UserTextTest {
  private static String required(String raw, int max, Lines lines) {
    return UserText.required("field", raw, max, lines, IllegalArgumentException::new);
  }

  private static String optional(String raw, int max, Lines lines) {
    return UserText.optional("field", raw, max, lines, IllegalArgumentException::new);
  }

  @Test
  void normalisesToNfcStripsAndCountsCodePoints() {
    String decomposed = "e\u0301";
    assertThat(required(decomposed.repeat(5), 5, Lines.ONE)).isEqualTo("é".repeat(5));
    assertThat(required("  🦊🦊  ", 2, Lines.ONE)).isEqualTo("🦊🦊");
    assertThat(required("a\r\nb", 3, Lines.MANY)).isEqualTo("a\nb");
    assertThatThrownBy(() -> required("🦊".repeat(3), 2, Lines.ONE))
        .hasMessage("field: 3 characters, at most 2");
  }

  @Test
  void blankIsRefusedWhenRequiredAndEmptyWhenOptional() {
    assertThatThrownBy(() -> required("  ", 5, Lines.ONE)).hasMessage("field: can't be blank");
    assertThatThrownBy(() -> required(null, 5, Lines.ONE)).hasMessage("field: can't be blank");
    assertThat(optional(" \n ", 5, Lines.MANY)).isEmpty();
    assertThat(optional(null, 5, Lines.ONE)).isEmpty();
  }

  @Test
  void lineFeedsAndTabsOnlyInMultiLineFields() {
    assertThat(required("a\n\tb", 5, Lines.MANY)).isEqualTo("a\n\tb");
    assertThatThrownBy(() -> required("a\nb", 5, Lines.ONE))
        .hasMessage("field: control character U+000A at character 2 is not allowed");
    assertThatThrownBy(() -> required("a\tb", 5, Lines.ONE))
        .hasMessage("field: control character U+0009 at character 2 is not allowed");
  }

  @Test
  void refusesWhatDisguisesTheText() {
    assertThatThrownBy(() -> required("ab\u0007c", 9, Lines.MANY))
        .hasMessage("field: control character U+0007 at character 3 is not allowed");
    assertThatThrownBy(() -> required("x\u202Ey", 9, Lines.MANY))
        .hasMessage("field: bidirectional override U+202E at character 2 is not allowed");
    assertThatThrownBy(() -> required("x\u2066y", 9, Lines.MANY)).hasMessageContaining("U+2066");
    assertThatThrownBy(() -> required("x\u2028y", 9, Lines.MANY))
        .hasMessage("field: line separator U+2028 at character 2 is not allowed");
    assertThatThrownBy(() -> required("x\uD800y", 9, Lines.MANY))
        .hasMessage("field: unpaired surrogate U+D800 at character 2 is not allowed");
  }

  @Test
  void theCallerChoosesTheException() {
    assertThatThrownBy(
            () -> UserText.required("comment", "\u0000", 5, Lines.MANY, IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("comment: ");
  }
}
