package org.agora.identity.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.agora.identity.domain.apps.AppRegistration;
import org.agora.identity.domain.apps.AppRejected;
import org.junit.jupiter.api.Test;

class AppRegistrationTest {
  @Test
  void readsMastodonsFieldsWithTheirDefaults() {
    var app =
        AppRegistration.of(
            "  Tusky ", List.of("urn:ietf:wg:oauth:2.0:oob\nmyapp://callback"), null, null);

    assertThat(app.name()).isEqualTo("Tusky");
    assertThat(app.redirectUris()).containsExactly("urn:ietf:wg:oauth:2.0:oob", "myapp://callback");
    assertThat(app.scopes()).containsExactly("read");
    assertThat(app.website()).isNull();
  }

  @Test
  void scopesAreSplitOnSpacesAndPlusAndDeduplicated() {
    var app =
        AppRegistration.of(
            "x",
            List.of("https://app.example/cb"),
            "read write+follow read",
            "https://app.example");

    assertThat(app.scopes()).containsExactly("read", "write", "follow");
    assertThat(app.website()).isEqualTo("https://app.example");
  }

  @Test
  void refusalsNameTheFieldAndTheLimit() {
    assertRejected(
        () -> AppRegistration.of(" ", List.of("urn:ietf:wg:oauth:2.0:oob"), null, null),
        "client_name",
        "blank");
    assertRejected(
        () -> AppRegistration.of("a".repeat(101), List.of("urn:ietf:wg:oauth:2.0:oob"), null, null),
        "client_name",
        "at most 100");
    assertRejected(() -> AppRegistration.of("x", List.of(), null, null), "redirect_uris", "blank");
    assertRejected(
        () -> AppRegistration.of("x", List.of("/relative"), null, null),
        "redirect_uris",
        "absolute");
    assertRejected(
        () -> AppRegistration.of("x", List.of("https://evil.example/*"), null, null),
        "redirect_uris",
        "wildcard");
    assertRejected(
        () -> AppRegistration.of("x", List.of("https://a.example/" + "p".repeat(2000)), null, null),
        "redirect_uris",
        "2000");
    assertRejected(
        () ->
            AppRegistration.of(
                "x",
                List.of(String.join(" ", java.util.Collections.nCopies(11, "app://cb"))),
                null,
                null),
        "redirect_uris",
        "at most 10");
    assertRejected(
        () -> AppRegistration.of("x", List.of("app://cb"), "read admin:write", null),
        "scopes",
        "admin:write");
    assertRejected(
        () -> AppRegistration.of("x", List.of("app://cb"), null, "javascript:alert(1)"),
        "website",
        "http");
  }

  private static void assertRejected(Runnable call, String field, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(AppRejected.class)
        .hasMessageContaining(field)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((AppRejected) e).field()).isEqualTo(field));
  }
}
