package org.agora.identity.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.agora.identity.domain.apps.AppRegistration;
import org.agora.identity.domain.apps.AppRejected;
import org.agora.kit.api.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's apps API: {@code POST /api/v1/apps} registers an app (a Keycloak client of its own,
 * see {@link AppClients}) and answers its credentials once; {@code GET
 * /api/v1/apps/verify_credentials} tells an app token's holder which app it is.
 */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {
  static final String FIRST_PARTY = "agora-app";

  private final AppClients apps;
  private final JsonWebToken token;

  public AppsResource(AppClients apps, JsonWebToken token) {
    this.apps = apps;
    this.token = token;
  }

  /** Mastodon's Application entity. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Application(
      String id,
      String name,
      String website,
      List<String> scopes,
      @JsonProperty("redirect_uri") String redirectUri,
      @JsonProperty("redirect_uris") List<String> redirectUris,
      @JsonProperty("vapid_key") String vapidKey,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_secret") String clientSecret,
      @JsonProperty("client_secret_expires_at") Long clientSecretExpiresAt) {
    static Application of(AppClients.RegisteredApp app) {
      var registration = app.registration();
      return new Application(
          app.id(),
          registration.name(),
          registration.website(),
          registration.scopes(),
          String.join("\n", registration.redirectUris()),
          registration.redirectUris(),
          "",
          app.secret() == null ? null : app.clientId(),
          app.secret(),
          app.secret() == null ? null : 0L);
    }
  }

  @POST
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  public Application registerForm(
      @RestForm("client_name") String clientName,
      @RestForm("redirect_uris") List<String> redirectUris,
      @RestForm("redirect_uris[]") List<String> redirectUriArray,
      @RestForm String scopes,
      @RestForm String website) {
    var uris = new ArrayList<String>();
    if (redirectUris != null) {
      uris.addAll(redirectUris);
    }
    if (redirectUriArray != null) {
      uris.addAll(redirectUriArray);
    }
    return register(clientName, uris, scopes, website);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Application registerJson(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("A JSON object with client_name and redirect_uris is required");
    }
    var uris = new ArrayList<String>();
    JsonNode redirect = body.path("redirect_uris");
    if (redirect.isArray()) {
      redirect.forEach(uri -> uris.add(uri.asText()));
    } else if (redirect.isTextual()) {
      uris.add(redirect.asText());
    }
    return register(text(body, "client_name"), uris, text(body, "scopes"), text(body, "website"));
  }

  @GET
  @Path("/verify_credentials")
  @Authenticated
  public Application verifyCredentials() {
    String clientId = token.getClaim("azp");
    if (FIRST_PARTY.equals(clientId)) {
      return new Application(
          FIRST_PARTY,
          "Agora",
          null,
          List.of("read", "write", "follow"),
          null,
          null,
          "",
          null,
          null,
          null);
    }
    return apps.find(clientId).map(Application::of).orElseThrow(ApiException::unauthorized);
  }

  private Application register(
      String clientName, List<String> redirectUris, String scopes, String website) {
    AppRegistration registration;
    try {
      registration = AppRegistration.of(clientName, redirectUris, scopes, website);
    } catch (AppRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
    return Application.of(apps.register(registration));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
