package org.agora.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Makes users in the real {@code agora} realm through Keycloak's admin API, as tests need them.
 * Test code only: Agora itself never sets a password through the admin API.
 */
public final class KeycloakTestRealm {
  public static final String REALM = "agora";
  public static final String APP_CLIENT = "agora-app";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  // NOTE: a TOTP code is accepted once per 30 s window, so a second-factor token is reused while
  // it has more than a minute to live (tokens live 5 minutes).
  private static final Map<String, CachedToken> SECOND_FACTOR_TOKENS = new ConcurrentHashMap<>();

  private record CachedToken(String token, Instant renewAfter) {}

  private KeycloakTestRealm() {}

  public static TestUser verifiedUser(String prefix, String... realmRoles) {
    return createUser(prefix, true, realmRoles);
  }

  public static TestUser unverifiedUser(String prefix) {
    return createUser(prefix, false);
  }

  public static TestUser createUser(String prefix, boolean emailVerified, String... realmRoles) {
    String suffix = HexFormat.of().formatHex(randomBytes(5));
    String username = (prefix + "_" + suffix).toLowerCase();
    String email = username + "@example.test";
    // NOTE: the deny-list is a Bloom filter, so about one random password in 10,000 is refused
    // as listed; such a password is simply drawn again.
    String password;
    HttpResponse<String> created;
    int attempts = 0;
    do {
      password = "Pw-" + HexFormat.of().formatHex(randomBytes(12));
      Map<String, Object> user =
          Map.of(
              "username", username,
              "email", email,
              "emailVerified", emailVerified,
              "enabled", true,
              "firstName", "Test",
              "lastName", prefix,
              "credentials",
                  List.of(Map.of("type", "password", "value", password, "temporary", false)));
      created =
          send(
              admin("/users")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(write(user))));
    } while (created.statusCode() == 400
        && created.body().contains("invalidPasswordBlacklistedMessage")
        && ++attempts < 5);
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "creating " + username + ": " + created.statusCode() + " " + created.body());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    for (String role : realmRoles) {
      JsonNode representation = read(send(admin("/roles/" + role).GET()).body());
      send(
          admin("/users/" + id + "/role-mappings/realm")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("[" + representation + "]")));
    }
    return new TestUser(id, username, email, password);
  }

  /**
   * A staff member (role {@code moderator} or {@code admin}) with a password and an enrolled TOTP
   * authenticator: {@link TestUser#accessToken()} logs in with both factors.
   */
  public static TestUser staffUser(String prefix, String... realmRoles) {
    // NOTE: a partial import answers 500 without a reason when the password policy refuses the
    // password, which the deny-list's Bloom filter does for about one random password in 10,000;
    // such a user is simply drawn again, with a new name and password.
    IllegalStateException refused = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return importStaffUser(prefix, realmRoles);
      } catch (IllegalStateException e) {
        refused = e;
      }
    }
    throw refused;
  }

  private static TestUser importStaffUser(String prefix, String... realmRoles) {
    String suffix = HexFormat.of().formatHex(randomBytes(5));
    String username = (prefix + "_" + suffix).toLowerCase();
    String email = username + "@example.test";
    String password = "Pw-" + HexFormat.of().formatHex(randomBytes(12));
    // Keycloak's HOTP/TOTP code takes the secret's characters as key bytes: use plain ASCII.
    String secret = HexFormat.of().formatHex(randomBytes(10));
    var roles = new java.util.ArrayList<String>(List.of("default-roles-" + REALM));
    roles.addAll(List.of(realmRoles));
    Map<String, Object> user =
        Map.of(
            "username",
            username,
            "email",
            email,
            "emailVerified",
            true,
            "enabled",
            true,
            "firstName",
            "Staff",
            "lastName",
            prefix,
            "realmRoles",
            roles,
            "credentials",
            List.of(
                Map.of("type", "password", "value", password, "temporary", false),
                Map.of(
                    "type",
                    "otp",
                    "userLabel",
                    "authenticator",
                    "secretData",
                    write(Map.of("value", secret)),
                    "credentialData",
                    write(
                        Map.of(
                            "subType", "totp",
                            "digits", 6,
                            "period", 30,
                            "algorithm", "HmacSHA1",
                            "counter", 0)))));
    HttpResponse<String> imported =
        send(
            admin("/partialImport")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        write(Map.of("ifResourceExists", "FAIL", "users", List.of(user))))));
    JsonNode result = read(imported.body());
    if (imported.statusCode() != 200 || result.path("added").asInt() != 1) {
      throw new IllegalStateException(
          "creating staff " + username + ": " + imported.statusCode() + " " + imported.body());
    }
    String id = result.path("results").get(0).path("id").asText();
    return new TestUser(id, username, email, password, secret.getBytes(StandardCharsets.US_ASCII));
  }

  /** Disables or enables the user, as an administrator (or identity applying a suspension) does. */
  public static void setEnabled(TestUser user, boolean enabled) {
    HttpResponse<String> response =
        send(
            admin("/users/" + user.id())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")));
    if (response.statusCode() != 204) {
      throw new IllegalStateException(
          "enabling " + user.username() + ": " + response.statusCode() + " " + response.body());
    }
  }

  static String secondFactorGrant(TestUser user) {
    CachedToken cached = SECOND_FACTOR_TOKENS.get(user.username());
    if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
      return cached.token();
    }
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      response =
          tokenRequest(
              Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  APP_CLIENT,
                  "scope",
                  "openid",
                  "username",
                  user.username(),
                  "password",
                  user.password(),
                  "totp",
                  Totp.code(user.totpSecret(), Instant.now())));
      if (response.statusCode() == 200) {
        String token = read(response.body()).get("access_token").asText();
        SECOND_FACTOR_TOKENS.put(
            user.username(), new CachedToken(token, Instant.now().plusSeconds(180)));
        return token;
      }
      // The code of this window was used already: wait for the next one.
      sleep(31_000 - (System.currentTimeMillis() % 30_000));
    }
    throw new IllegalStateException(
        "token for " + user.username() + ": " + response.statusCode() + " " + response.body());
  }

  private static HttpResponse<String> tokenRequest(Map<String, String> fields) {
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    TestStack.keycloakUrl()
                        + "/realms/"
                        + REALM
                        + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(fields)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String passwordGrant(String username, String password) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloakUrl()
                            + "/realms/"
                            + REALM
                            + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        Map.of(
                            "grant_type", "password",
                            "client_id", APP_CLIENT,
                            "scope", "openid",
                            "username", username,
                            "password", password))));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "token for " + username + ": " + response.statusCode() + " " + response.body());
    }
    return read(response.body()).get("access_token").asText();
  }

  private static HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(
            URI.create(TestStack.keycloakUrl() + "/admin/realms/" + REALM + path))
        .header("Authorization", "Bearer " + adminToken());
  }

  private static String adminToken() {
    // NOTE: the master admin token lives 60 s, so it is fetched per call rather than cached.
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        Map.of(
                            "grant_type", "password",
                            "client_id", "admin-cli",
                            "username", "admin",
                            "password", TestStack.keycloakAdminPassword()))));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak admin login: " + response.statusCode());
    }
    return read(response.body()).get("access_token").asText();
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak at " + TestStack.keycloakUrl() + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
