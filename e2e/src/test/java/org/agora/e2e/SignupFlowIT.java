package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.agora.testing.TestStack;
import org.junit.jupiter.api.Test;

/**
 * Sign-up through the gateway only: the README walk-through (sign-up → e-mail → verified → first
 * post), and a scripted burst of 100 sign-ups from one address, which the gateway's strict
 * per-address zone mostly refuses. Each test speaks from its own loopback address (127.x.y.z), so
 * it neither suffers from nor uses up another test's budget at the gateway.
 */
class SignupFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-Horse-battery-9";
  private static final String GREENMAIL_API =
      System.getProperty("AGORA_GREENMAIL_API", "http://127.0.0.1:8025");
  private static final Pattern ACTION_LINK =
      Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");

  /** A client with its own source address and cookie jar; redirects are followed by hand. */
  private static final class Client {
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Client() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      byte[] address = {
        127,
        (byte) random.nextInt(1, 255),
        (byte) random.nextInt(0, 256),
        (byte) random.nextInt(2, 255)
      };
      try {
        http =
            HttpClient.newBuilder()
                .localAddress(InetAddress.getByAddress(address))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      try {
        HttpResponse<String> response =
            http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
          String pair = cookie.split(";", 2)[0];
          int eq = pair.indexOf('=');
          if (eq > 0) {
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
        return response;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> postJson(String path, String json, String token) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(TestStack.gatewayUrl() + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return send(request);
    }

    HttpResponse<String> postForm(String url, Map<String, String> fields) {
      return send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> get(String url) {
      return send(HttpRequest.newBuilder(URI.create(url)).GET());
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

  private static String fresh(String prefix) {
    return prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static JsonNode login(Client client, String username) {
    HttpResponse<String> response =
        client.postForm(
            TestStack.gatewayUrl() + "/auth/realms/agora/protocol/openid-connect/token",
            Map.of(
                "grant_type", "password",
                "client_id", "agora-app",
                "scope", "openid",
                "username", username,
                "password", PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = json(response.body()).path("access_token").asText();
    JsonNode claims = json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
    ((com.fasterxml.jackson.databind.node.ObjectNode) claims).put("__token", token);
    return claims;
  }

  private static String verificationLink(String email) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    Client plain = new Client();
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> mails =
          plain.get(
              GREENMAIL_API
                  + "/api/user/"
                  + URLEncoder.encode(email, StandardCharsets.UTF_8)
                  + "/messages");
      if (mails.statusCode() == 200) {
        for (JsonNode mail : json(mails.body())) {
          String body = mail.path("mimeMessage").asText().replace("=\r\n", "").replace("=3D", "=");
          Matcher link = ACTION_LINK.matcher(body);
          if (link.find()) {
            return link.group().replace("&amp;", "&");
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no verification mail for " + email);
  }

  /** Follows the mailed link through the gateway like a browser, with Keycloak's proceed page. */
  private static String follow(Client client, String link) {
    String url = link;
    String page = "";
    for (int step = 0; step < 6; step++) {
      HttpResponse<String> response = client.get(url);
      page = response.body();
      if (response.statusCode() / 100 == 3) {
        url =
            URI.create(url)
                .resolve(response.headers().firstValue("Location").orElseThrow())
                .toString();
        continue;
      }
      Matcher proceed = ACTION_LINK.matcher(page.replace("&amp;", "&"));
      if (response.statusCode() == 200 && proceed.find() && !proceed.group().equals(url)) {
        url = proceed.group();
        continue;
      }
      return page;
    }
    return page;
  }

  @Test
  void signUpConfirmTheAddressAndPostTheFirstStatus() throws Exception {
    Client client = new Client();
    String handle = fresh("walk");
    String email = handle + "@example.test";

    HttpResponse<String> signedUp =
        client.postJson(
            "/api/agora/v1/identity/accounts",
            JSON.writeValueAsString(Map.of("handle", handle, "email", email, "password", PASSWORD)),
            null);
    assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);
    String id = json(signedUp.body()).path("id").asText();

    JsonNode before = login(client, handle);
    assertThat(before.path("sub").asText()).isEqualTo(id);
    assertThat(before.path("email_verified").asBoolean()).isFalse();
    HttpResponse<String> tooEarly =
        client.postJson(
            "/api/v1/statuses", "{\"status\":\"too early\"}", before.path("__token").asText());
    assertThat(tooEarly.statusCode()).isEqualTo(403);
    assertThat(json(tooEarly.body()).path("error").asText())
        .isEqualTo("Your login is missing a confirmed e-mail address");

    assertThat(follow(client, verificationLink(email)))
        .containsAnyOf("has been verified", "has been updated");

    JsonNode after = login(client, handle);
    assertThat(after.path("email_verified").asBoolean()).isTrue();
    HttpResponse<String> first =
        client.postJson(
            "/api/v1/statuses", "{\"status\":\"Hello, Agora\"}", after.path("__token").asText());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first.body()).path("account").path("id").asText()).isEqualTo(id);
  }

  @Test
  void aScriptedBurstOfOneHundredSignUpsFromOneAddressIsAlmostEntirelyRefused() throws Exception {
    Client script = new Client();
    int refused = 0;
    int created = 0;
    for (int i = 0; i < 100; i++) {
      String handle = fresh("burst");
      HttpResponse<String> response;
      if (i % 2 == 0) {
        response =
            script.postJson(
                "/api/agora/v1/identity/accounts",
                JSON.writeValueAsString(
                    Map.of(
                        "handle", handle, "email", handle + "@example.test", "password", PASSWORD)),
                null);
      } else {
        response =
            script.postForm(
                TestStack.gatewayUrl() + "/api/v1/accounts",
                Map.of(
                    "username",
                    handle,
                    "email",
                    handle + "@example.test",
                    "password",
                    PASSWORD,
                    "agreement",
                    "true",
                    "locale",
                    "en"));
      }
      if (response.statusCode() == 429) {
        refused++;
      } else {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        created++;
      }
    }
    assertThat(refused).isGreaterThanOrEqualTo(95);
    assertThat(created + refused).isEqualTo(100);
  }
}
