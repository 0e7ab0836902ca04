package org.agora.identity.signup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Logs a just-registered user in once (password grant on the app client), because Mastodon's
 * sign-up answers with the new user's token. Blocking.
 */
@ApplicationScoped
public class SignupLogin {
  private static final Logger LOG = Logger.getLogger(SignupLogin.class);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final KeycloakAdmin keycloak;
  private final ObjectMapper json;
  private final String clientId;

  public SignupLogin(
      KeycloakAdmin keycloak,
      ObjectMapper json,
      @ConfigProperty(name = "agora.signup.app-client-id") String clientId) {
    this.keycloak = keycloak;
    this.json = json;
    this.clientId = clientId;
  }

  public Optional<String> token(String username, String password) {
    String form =
        "grant_type=password&scope=openid&client_id="
            + KeycloakAdmin.encode(clientId)
            + "&username="
            + KeycloakAdmin.encode(username)
            + "&password="
            + KeycloakAdmin.encode(password);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.warnf("first login of %s refused: HTTP %d", username, response.statusCode());
        return Optional.empty();
      }
      return Optional.of(json.readTree(response.body()).path("access_token").asText());
    } catch (IOException e) {
      LOG.warnf(e, "first login of %s failed", username);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
