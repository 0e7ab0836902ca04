package org.agora.identity.apps;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.agora.identity.domain.apps.AppRegistration;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.keycloak.KeycloakException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each Mastodon app is a confidential Keycloak client of its own ({@code app-<random>}), so its
 * secret, redirect URIs and token life are its own and an operator can disable one app alone.
 *
 * <p>Mastodon apps never refresh and expect tokens that last: an app client's sessions are offline
 * sessions ({@code offline_access} is one of its default scopes) and its access tokens live {@code
 * agora.apps.token-life} (30 days). They still end at once when revoked ({@code /oauth/revoke}),
 * when the user is disabled (suspension) or deleted (erasure): identity-service names them on
 * {@code identity.sessions}, which every service reads to refuse them.
 */
@ApplicationScoped
public class AppClients {
  static final String PREFIX = "app-";
  static final List<String> MASTODON_SCOPES = List.of("read", "write", "follow", "push");

  private final KeycloakAdmin keycloak;
  private final Duration tokenLife;
  private volatile boolean scopesReady;

  public AppClients(
      KeycloakAdmin keycloak,
      @ConfigProperty(name = "agora.apps.token-life", defaultValue = "P30D") Duration tokenLife) {
    this.keycloak = keycloak;
    this.tokenLife = tokenLife;
  }

  /** An app registered: its Keycloak client and secret. Blocking. */
  public RegisteredApp register(AppRegistration app) {
    ensureMastodonScopes();
    String clientId = PREFIX + UUID.randomUUID();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("access.token.lifespan", Long.toString(tokenLife.toSeconds()));
    attributes.put("client.offline.session.idle.timeout", Long.toString(tokenLife.toSeconds()));
    attributes.put("agora.app.website", app.website() == null ? "" : app.website());
    attributes.put("agora.app.scopes", String.join(" ", app.scopes()));
    Map<String, Object> client = new HashMap<>();
    client.put("clientId", clientId);
    client.put("name", app.name());
    client.put("description", "Mastodon app registered through /api/v1/apps");
    client.put("protocol", "openid-connect");
    client.put("publicClient", false);
    client.put("clientAuthenticatorType", "client-secret");
    client.put("standardFlowEnabled", true);
    client.put("implicitFlowEnabled", false);
    // Mastodon lets apps use the password grant too; Keycloak still asks for the second factor.
    client.put("directAccessGrantsEnabled", true);
    // The app token (client credentials) signs accounts up through POST /api/v1/accounts.
    client.put("serviceAccountsEnabled", true);
    client.put("redirectUris", app.redirectUris());
    client.put("attributes", attributes);
    client.put(
        "defaultClientScopes",
        List.of("basic", "acr", "profile", "email", "roles", "web-origins", "offline_access"));
    client.put("optionalClientScopes", MASTODON_SCOPES);
    client.put(
        "protocolMappers",
        List.of(
            Map.of(
                "name", "audience agora-api",
                "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config",
                    Map.of(
                        "included.custom.audience", "agora-api",
                        "access.token.claim", "true",
                        "introspection.token.claim", "true"))));
    KeycloakAdmin.Reply created = keycloak.call("POST", "/clients", client);
    if (created.status() != 201) {
      throw new KeycloakException("creating app client", created);
    }
    String id = created.createdId().orElseThrow();
    String secret = keycloak.get("/clients/" + id + "/client-secret").path("value").asText();
    return new RegisteredApp(id, clientId, secret, app);
  }

  /** The app behind a token's {@code azp}, if it is a registered app. Blocking. */
  public Optional<RegisteredApp> find(String clientId) {
    if (clientId == null || !clientId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    JsonNode found =
        keycloak.get("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    if (!found.isArray() || found.isEmpty()) {
      return Optional.empty();
    }
    JsonNode client = found.get(0);
    List<String> redirects = new ArrayList<>();
    client.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
    JsonNode attributes = client.path("attributes");
    String website = attributes.path("agora.app.website").asText("");
    String scopes = attributes.path("agora.app.scopes").asText("read");
    return Optional.of(
        new RegisteredApp(
            client.path("id").asText(),
            clientId,
            null,
            new AppRegistration(
                client.path("name").asText(),
                redirects,
                List.of(scopes.split(" ")),
                website.isEmpty() ? null : website)));
  }

  /** Keycloak refuses scopes it does not know: Mastodon's become optional client scopes. */
  private void ensureMastodonScopes() {
    if (scopesReady) {
      return;
    }
    JsonNode existing = keycloak.get("/client-scopes");
    for (String scope : MASTODON_SCOPES) {
      boolean present = false;
      for (JsonNode known : existing) {
        present |= scope.equals(known.path("name").asText());
      }
      if (!present) {
        KeycloakAdmin.Reply reply =
            keycloak.call(
                "POST",
                "/client-scopes",
                Map.of(
                    "name",
                    scope,
                    "description",
                    "Mastodon scope " + scope,
                    "protocol",
                    "openid-connect",
                    "attributes",
                    Map.of(
                        "include.in.token.scope", "true",
                        "display.on.consent.screen", "false")));
        if (reply.status() != 201 && reply.status() != 409) {
          throw new KeycloakException("creating client scope " + scope, reply);
        }
      }
    }
    scopesReady = true;
  }

  /** A registered app; {@code secret} only right after registration. */
  public record RegisteredApp(
      String id, String clientId, String secret, AppRegistration registration) {}
}
