package org.agora.identity.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.agora.identity.signup.Mailbox;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Changing a password goes through Keycloak's application-initiated action ({@code
 * kc_action=UPDATE_PASSWORD}), which the realm makes ask for the current password every time
 * (max_auth_age 0), even right after a login.
 */
class PasswordChangeTest {
  private static final String REDIRECT = "http://localhost/agora-test-callback";

  private static String authorize(String extra) {
    Map<String, String> query =
        Map.of(
            "client_id", "agora-app",
            "response_type", "code",
            "scope", "openid",
            "redirect_uri", REDIRECT,
            // PKCE: a fixed challenge is enough, the code is never exchanged here.
            "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method", "S256");
    return TestStack.keycloakUrl()
        + "/realms/agora/protocol/openid-connect/auth?"
        + query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))
        + extra;
  }

  /** Follows Keycloak's redirects among its own pages; never straight back to the app. */
  private static HttpResponse<String> within(Mailbox.Browser browser, HttpResponse<String> step) {
    for (int hop = 0; hop < 3 && step.statusCode() == 302; hop++) {
      String location = step.headers().firstValue("Location").orElseThrow();
      assertThat(location).doesNotStartWith(REDIRECT);
      step = browser.send(HttpRequest.newBuilder(URI.create(Mailbox.direct(location))).GET());
    }
    return step;
  }

  @Test
  void aPasswordChangeAsksForTheCurrentPasswordEvenRightAfterALogin() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("changer");
    var browser = new Mailbox.Browser();

    String login = browser.send(HttpRequest.newBuilder(URI.create(authorize(""))).GET()).body();
    HttpResponse<String> loggedIn =
        browser.submit(login, Map.of("username", user.username(), "password", user.password()));
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT);

    // Keycloak compares whole seconds since the login with max_auth_age (0).
    Thread.sleep(2_000);
    String again =
        within(
                browser,
                browser.send(
                    HttpRequest.newBuilder(URI.create(authorize("&kc_action=UPDATE_PASSWORD")))
                        .GET()))
            .body();
    assertThat(again).contains("name=\"password\"").doesNotContain("password-new");

    HttpResponse<String> wrong =
        browser.submit(
            again, Map.of("username", user.username(), "password", "not-the-password-x"));
    assertThat(wrong.body()).contains("name=\"password\"").doesNotContain("password-new");

    HttpResponse<String> right =
        within(
            browser,
            browser.submit(
                wrong.body(), Map.of("username", user.username(), "password", user.password())));
    assertThat(right.body()).contains("password-new");

    String fresh = "changed-Horse-battery-" + System.nanoTime();
    HttpResponse<String> changed =
        browser.submit(right.body(), Map.of("password-new", fresh, "password-confirm", fresh));
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(changed.headers().firstValue("Location").orElseThrow())
        .startsWith(REDIRECT)
        .contains("kc_action_status=success");
    assertThat(BruteForceTest.login(user.username(), fresh).status()).isEqualTo(200);
  }
}
