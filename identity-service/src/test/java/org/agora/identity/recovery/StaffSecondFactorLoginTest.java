package org.agora.identity.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.agora.identity.signup.Mailbox;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.agora.testing.Totp;
import org.junit.jupiter.api.Test;

/**
 * The realm's browser login (authorization code with PKCE, what apps use): staff must give a TOTP
 * code, staff without one must set it up first, everyone else gets in with the password alone.
 */
class StaffSecondFactorLoginTest {
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
  private static final String REDIRECT = "http://localhost/agora-test-callback";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A cookie-keeping client that talks to Keycloak directly (links name the gateway's URL). */
  private static final class Browser {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String pair = cookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      return response;
    }

    HttpResponse<String> get(String url) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> submit(String page, Map<String, String> fields) throws Exception {
      Matcher action = FORM_ACTION.matcher(page);
      assertThat(action.find()).as("a form on the page").isTrue();
      String url = Mailbox.direct(action.group(1).replace("&amp;", "&"));
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String challenge(String verifier) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  private record Login(Browser browser, HttpResponse<String> afterPassword, String verifier) {}

  private static Login passwordStep(TestUser user) throws Exception {
    Browser browser = new Browser();
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String auth =
        TestStack.keycloakUrl()
            + "/realms/agora/protocol/openid-connect/auth?"
            + form(
                Map.of(
                    "client_id", "agora-app",
                    "response_type", "code",
                    "scope", "openid",
                    "redirect_uri", REDIRECT,
                    "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256",
                    "state", "s1"));
    HttpResponse<String> loginPage = browser.get(auth);
    assertThat(loginPage.statusCode()).isEqualTo(200);
    HttpResponse<String> after =
        browser.submit(
            loginPage.body(), Map.of("username", user.username(), "password", user.password()));
    return new Login(browser, after, verifier);
  }

  private static String code(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT);
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  @Test
  void aUserWithoutStaffRolesLogsInWithThePasswordAlone() throws Exception {
    Login login = passwordStep(KeycloakTestRealm.verifiedUser("plainweb"));
    assertThat(code(login.afterPassword())).isNotBlank();
  }

  @Test
  void staffWithAnAuthenticatorMustGiveTheCodeAndTheTokenSaysOtp() throws Exception {
    TestUser moderator = KeycloakTestRealm.staffUser("webmod", "moderator");
    Login login = passwordStep(moderator);
    assertThat(login.afterPassword().statusCode()).isEqualTo(200);
    assertThat(login.afterPassword().body()).contains("name=\"otp\"");

    HttpResponse<String> afterOtp =
        login
            .browser()
            .submit(
                login.afterPassword().body(),
                Map.of("otp", Totp.code(moderator.totpSecret(), Instant.now())));
    String code = code(afterOtp);
    // NOTE: an app exchanges the code a moment later; Keycloak names a factor in amr only while
    // the login plus the step's max age is not past, so cross a second boundary first.
    Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 1_100);
    HttpResponse<String> token =
        login
            .browser()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.keycloakUrl()
                                + "/realms/agora/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            form(
                                Map.of(
                                    "grant_type",
                                    "authorization_code",
                                    "client_id",
                                    "agora-app",
                                    "code",
                                    code,
                                    "redirect_uri",
                                    REDIRECT,
                                    "code_verifier",
                                    login.verifier())))));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    String access = JSON.readTree(token.body()).path("access_token").asText();
    var claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
    assertThat(claims.path("amr").toString()).contains("\"otp\"");
  }

  @Test
  void staffWithoutAnAuthenticatorMustSetOneUpBeforeGettingIn() throws Exception {
    Login login = passwordStep(KeycloakTestRealm.verifiedUser("webadmin", "admin"));
    HttpResponse<String> page = login.afterPassword();
    // Keycloak may first redirect to its required-action page; never to the app with a code.
    for (int hop = 0; hop < 3 && page.statusCode() == 302; hop++) {
      String location = page.headers().firstValue("Location").orElseThrow();
      assertThat(location).doesNotStartWith(REDIRECT);
      page = login.browser().get(Mailbox.direct(location));
    }
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("Mobile Authenticator Setup");
  }
}
