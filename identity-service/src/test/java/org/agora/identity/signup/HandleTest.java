package org.agora.identity.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.identity.domain.signup.Handle;
import org.agora.identity.domain.signup.SignupForm;
import org.agora.identity.domain.signup.SignupRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {
  @Test
  void handlesAreCaseInsensitiveAndStoredInLowerCase() {
    assertThat(Handle.parse("username", "Alice_42").value()).isEqualTo("alice_42");
  }

  @Test
  void lengthIsThreeToThirty() {
    assertThat(Handle.parse("username", "abc").value()).isEqualTo("abc");
    assertThat(Handle.parse("username", "a".repeat(30)).value()).hasSize(30);
    assertThatThrownBy(() -> Handle.parse("username", "ab"))
        .isInstanceOf(SignupRejected.class)
        .hasMessage("username: 2 characters, must be 3 to 30 characters");
    assertThatThrownBy(() -> Handle.parse("handle", "a".repeat(31)))
        .hasMessage("handle: 31 characters, must be 3 to 30 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"al ice", "al-ice", "al.ice", "älice", "alice!", "аlice", "ali\u200bce"})
  void onlyTheAlphabetIsAllowed(String handle) {
    assertThatThrownBy(() -> Handle.parse("username", handle))
        .isInstanceOf(SignupRejected.class)
        .hasMessage("username: only letters a-z, digits 0-9 and _ are allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "Root", "SUPPORT", "moderator", "agora", "api", "staff"})
  void reservedNamesAreRefusedInAnyCase(String handle) {
    assertThatThrownBy(() -> Handle.parse("username", handle))
        .isInstanceOf(SignupRejected.class)
        .hasMessage("username: is reserved");
  }

  @Test
  void aMissingHandleIsNamed() {
    assertThatThrownBy(() -> Handle.parse("username", null)).hasMessage("username: is required");
    assertThatThrownBy(() -> Handle.parse("username", "")).hasMessage("username: is required");
  }

  @Test
  void formChecksEmailAndPasswordPresence() {
    assertThat(SignupForm.check("handle", "bob", " Bob@Example.TEST ", "x").email())
        .isEqualTo("bob@example.test");
    assertThatThrownBy(() -> SignupForm.check("handle", "bob", "bob", "x"))
        .hasMessage("email: is not an e-mail address");
    assertThatThrownBy(() -> SignupForm.check("handle", "bob", null, "x"))
        .hasMessage("email: is required");
    assertThatThrownBy(() -> SignupForm.check("handle", "bob", "b@x.test", ""))
        .hasMessage("password: is required");
    assertThatThrownBy(() -> SignupForm.check("handle", "bob", "b@x.test", "p".repeat(65)))
        .hasMessage("password: 65 characters, at most 64");
  }
}
