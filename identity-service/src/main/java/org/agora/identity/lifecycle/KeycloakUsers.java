package org.agora.identity.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.keycloak.KeycloakException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Keycloak calls of suspension and erasure: disable and enable a user (ending its sessions),
 * delete it, and check a password by logging in as the user (re-authentication). Blocking: call
 * through {@link Offload}. Never sets or resets a password.
 */
@ApplicationScoped
public class KeycloakUsers {
  /** The Keycloak attribute sign-up sets to the account's state (see the sign-up code). */
  public static final String STATE_ATTRIBUTE = "agora_state";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private final KeycloakAdmin admin;
  private final String appClientId;

  public KeycloakUsers(
      KeycloakAdmin admin,
      @ConfigProperty(name = "agora.keycloak.app-client-id", defaultValue = "agora-app")
          String appClientId) {
    this.admin = admin;
    this.appClientId = appClientId;
  }

  /** The user's handle and the state attribute sign-up set (empty for users made otherwise). */
  public Optional<KnownUser> user(String id) {
    return admin
        .user(id)
        .map(
            user -> {
              JsonNode state = user.path("attributes").path(STATE_ATTRIBUTE);
              return new KnownUser(
                  user.path("username").asText(),
                  state.isArray() && !state.isEmpty()
                      ? Optional.of(state.get(0).asText())
                      : Optional.empty());
            });
  }

  public record KnownUser(String username, Optional<String> state) {}

  /** Disables the user and ends its sessions; a user already gone is left alone. */
  public void disable(String id) {
    setEnabled(id, false);
    var reply = admin.call("POST", "/users/" + KeycloakAdmin.encode(id) + "/logout", null);
    if (reply.status() / 100 != 2 && reply.status() != 404) {
      throw new KeycloakException("logout of " + id, reply);
    }
  }

  public void enable(String id) {
    setEnabled(id, true);
  }

  public void delete(String id) {
    var reply = admin.call("DELETE", "/users/" + KeycloakAdmin.encode(id), null);
    if (reply.status() / 100 != 2 && reply.status() != 404) {
      throw new KeycloakException("deleting user " + id, reply);
    }
  }

  public boolean exists(String id) {
    return admin.user(id).isPresent();
  }

  /**
   * Whether {@code password} (and, for users with a second factor, {@code totp}) logs the user in
   * through the app client: the same check, lockout included, as a login.
   */
  public boolean passwordValid(String username, String password, String totp) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", appClientId);
    form.put("scope", "openid");
    form.put("username", username);
    form.put("password", password);
    if (totp != null && !totp.isBlank()) {
      form.put("totp", totp);
    }
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(admin.realmUrl() + "/protocol/openid-connect/token"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 5) {
        throw new KeycloakException(
            "password check",
            new KeycloakAdmin.Reply(response.statusCode(), response.body(), Optional.empty()));
      }
      return response.statusCode() == 200;
    } catch (IOException e) {
      throw new KeycloakException("Keycloak unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakException("interrupted", e);
    }
  }

  private void setEnabled(String id, boolean enabled) {
    var reply = admin.call("PUT", "/users/" + KeycloakAdmin.encode(id), Map.of("enabled", enabled));
    if (reply.status() / 100 != 2 && reply.status() != 404) {
      throw new KeycloakException((enabled ? "enabling " : "disabling ") + id, reply);
    }
  }
}
