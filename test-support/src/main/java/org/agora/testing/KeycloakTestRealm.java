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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    String password = "Pw-" + HexFormat.of().formatHex(randomBytes(12));
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
    HttpResponse<String> created =
        send(
            admin("/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))));
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
