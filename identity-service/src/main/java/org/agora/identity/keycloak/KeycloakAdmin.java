package org.agora.identity.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's admin REST API for the realm, called as the confidential service-account client {@code
 * agora-identity} (realm-management roles manage-users, view-users, query-users, view-events,
 * manage-clients). Calls block: use it from worker threads only.
 *
 * <p>NOTE: Agora never sets or resets a password through this API (issue #3, point 4): a password
 * is only given once, in the create call's credentials, and recovery only triggers Keycloak's
 * e-mailed action links. {@code PasswordEndpointScanTest} checks the sources for it. Additions
 * (disable, enable, delete a user, clients for apps, ...) are welcome here or in a class beside it.
 */
@ApplicationScoped
public class KeycloakAdmin {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json;
  private final String realmUrl;
  private final String adminUrl;
  private final String clientId;
  private final String clientSecret;
  private volatile CachedToken token;

  private record CachedToken(String value, Instant renewAfter) {}

  public KeycloakAdmin(
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
      @ConfigProperty(name = "agora.keycloak.admin-client-id") String clientId,
      @ConfigProperty(name = "agora.keycloak.admin-client-secret") String clientSecret) {
    this.json = json;
    this.realmUrl = realmUrl.replaceAll("/+$", "");
    this.adminUrl = this.realmUrl.replace("/realms/", "/admin/realms/");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * The realm's public base URL for the back channel, e.g. {@code
   * http://127.0.0.1:8180/realms/agora}.
   */
  public String realmUrl() {
    return realmUrl;
  }

  /** One admin API call; {@code path} is relative to {@code /admin/realms/<realm>}. */
  public Reply call(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(adminUrl + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + accessToken())
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    }
    HttpResponse<String> response = send(request.build());
    return new Reply(
        response.statusCode(), response.body(), response.headers().firstValue("Location"));
  }

  /** A GET that must succeed. */
  public JsonNode get(String path) {
    Reply reply = call("GET", path, null);
    if (reply.status() != 200) {
      throw new KeycloakException("GET " + path, reply);
    }
    return reply.json(json);
  }

  /**
   * Creates a user; the password is set in the create call's credentials (the only time Agora
   * handles it). Answers the new user's id, or the refusal as Keycloak gave it.
   */
  public Reply createUser(
      String username, String email, String password, Map<String, List<String>> attributes) {
    Map<String, Object> user =
        Map.of(
            "username",
            username,
            "email",
            email,
            "emailVerified",
            false,
            "enabled",
            true,
            "attributes",
            attributes,
            "credentials",
            List.of(Map.of("type", "password", "value", password, "temporary", false)));
    return call("POST", "/users", user);
  }

  public Optional<JsonNode> user(String id) {
    Reply reply = call("GET", "/users/" + encode(id), null);
    return reply.status() == 200 ? Optional.of(reply.json(json)) : Optional.empty();
  }

  public Optional<JsonNode> userByEmail(String email) {
    return first(get("/users?exact=true&briefRepresentation=true&email=" + encode(email)));
  }

  public Optional<JsonNode> userByUsername(String username) {
    return first(get("/users?exact=true&briefRepresentation=true&username=" + encode(username)));
  }

  public void deleteUser(String id) {
    call("DELETE", "/users/" + encode(id), null);
  }

  /** Keycloak mails the user a link that marks the address verified. */
  public void sendVerifyEmail(String id) {
    expectNoContent("PUT", "/users/" + encode(id) + "/send-verify-email", null);
  }

  /** Keycloak mails the user a link to perform these required actions (e.g. UPDATE_PASSWORD). */
  public void executeActionsEmail(String id, List<String> actions, Duration lifespan) {
    expectNoContent(
        "PUT",
        "/users/" + encode(id) + "/execute-actions-email?lifespan=" + lifespan.toSeconds(),
        actions);
  }

  /** Replaces one attribute of a user, keeping the rest of its representation. */
  public void setAttribute(String id, String name, String value) {
    JsonNode user = get("/users/" + encode(id));
    var attributes =
        user.has("attributes")
            ? (com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")
            : ((com.fasterxml.jackson.databind.node.ObjectNode) user).putObject("attributes");
    attributes.putArray(name).add(value);
    expectNoContent("PUT", "/users/" + encode(id), user);
  }

  private void expectNoContent(String method, String path, Object body) {
    Reply reply = call(method, path, body);
    if (reply.status() / 100 != 2) {
      throw new KeycloakException(method + " " + path, reply);
    }
  }

  private static Optional<JsonNode> first(JsonNode array) {
    return array.isArray() && !array.isEmpty() ? Optional.of(array.get(0)) : Optional.empty();
  }

  private String accessToken() {
    CachedToken cached = token;
    if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
      return cached.value();
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      throw new KeycloakException(
          "service-account login of " + clientId,
          new Reply(response.statusCode(), response.body(), Optional.empty()));
    }
    JsonNode body = read(response.body());
    long lifetime = body.path("expires_in").asLong(60);
    // Renew well before expiry so a token never dies in flight.
    CachedToken fresh =
        new CachedToken(
            body.path("access_token").asText(),
            Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
    token = fresh;
    return fresh.value();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KeycloakException("Keycloak unreachable at " + request.uri().getAuthority(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakException("interrupted", e);
    }
  }

  private String write(Object value) {
    try {
      return value instanceof String s ? s : json.writeValueAsString(value);
    } catch (IOException e) {
      throw new KeycloakException("cannot write JSON", e);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body == null || body.isEmpty() ? "null" : body);
    } catch (IOException e) {
      throw new KeycloakException("Keycloak answered no JSON", e);
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Keycloak's answer: status, body and, after a create, the new resource's location. */
  public record Reply(int status, String body, Optional<String> location) {
    /** The id at the end of the Location header of a 201. */
    public Optional<String> createdId() {
      return location.map(l -> l.substring(l.lastIndexOf('/') + 1));
    }

    public JsonNode json(ObjectMapper mapper) {
      try {
        return mapper.readTree(body == null || body.isEmpty() ? "null" : body);
      } catch (IOException e) {
        throw new KeycloakException("Keycloak answered no JSON", e);
      }
    }

    /** Keycloak's error text: {@code errorMessage} or {@code error_description}, else the body. */
    public String errorText(ObjectMapper mapper) {
      try {
        JsonNode node = mapper.readTree(body == null || body.isEmpty() ? "{}" : body);
        for (String field : List.of("errorMessage", "error_description", "error")) {
          if (node.hasNonNull(field)) {
            return node.get(field).asText();
          }
        }
      } catch (IOException e) {
        // not JSON: the body itself
      }
      return body == null ? "" : body;
    }
  }
}
