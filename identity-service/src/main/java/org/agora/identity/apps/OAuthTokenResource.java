package org.agora.identity.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.agora.events.AccountId;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.messaging.sessions.CutoffLog;
import org.agora.kit.api.ApiException;
import org.jboss.logging.Logger;

/**
 * Mastodon's {@code /oauth/token} and {@code /oauth/revoke} in front of Keycloak's: Mastodon
 * clients send these as JSON or as a form, Keycloak takes only forms. The fields pass through
 * unchanged (Keycloak checks everything) and a successful token answer gains Mastodon's {@code
 * created_at}. A revoked access token that this service itself accepts (so it is genuine, never a
 * forged JWT naming someone else) also ends its login session on {@code identity.sessions}:
 * Mastodon's revocation ends the app's authorisation, and services check tokens locally.
 */
@Path("/oauth")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthTokenResource {
  private static final Logger LOG = Logger.getLogger(OAuthTokenResource.class);
  private static final Duration VERIFY_WAIT = Duration.ofSeconds(10);
  private static final Set<String> TOKEN_FIELDS =
      Set.of(
          "grant_type",
          "code",
          "redirect_uri",
          "client_id",
          "client_secret",
          "scope",
          "username",
          "password",
          "totp",
          "refresh_token",
          "code_verifier");
  private static final Set<String> REVOKE_FIELDS =
      Set.of("client_id", "client_secret", "token", "token_type_hint");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final ObjectMapper json;
  private final String endpoints;
  private final TenantIdentityProvider tokens;
  private final CutoffLog cutoffLog;

  public OAuthTokenResource(
      ObjectMapper json,
      KeycloakAdmin keycloak,
      TenantIdentityProvider tokens,
      CutoffLog cutoffLog) {
    this.json = json;
    this.endpoints = keycloak.realmUrl() + "/protocol/openid-connect";
    this.tokens = tokens;
    this.cutoffLog = cutoffLog;
  }

  @POST
  @Path("/token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response tokenForm(MultivaluedMap<String, String> form) {
    return token(fields(form, TOKEN_FIELDS));
  }

  @POST
  @Path("/token")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response tokenJson(JsonNode body) {
    return token(fields(body, TOKEN_FIELDS));
  }

  @POST
  @Path("/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revokeForm(MultivaluedMap<String, String> form) {
    return revoke(fields(form, REVOKE_FIELDS));
  }

  @POST
  @Path("/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response revokeJson(JsonNode body) {
    return revoke(fields(body, REVOKE_FIELDS));
  }

  private Response token(Map<String, String> fields) {
    if (!fields.containsKey("grant_type")) {
      throw ApiException.badRequest("grant_type is required");
    }
    HttpResponse<String> answer = forward("/token", fields);
    if (answer.statusCode() != 200) {
      return passThrough(answer);
    }
    try {
      ObjectNode token = (ObjectNode) json.readTree(answer.body());
      token.put("created_at", Instant.now().getEpochSecond());
      return Response.ok(token).build();
    } catch (IOException | ClassCastException e) {
      return passThrough(answer);
    }
  }

  private Response revoke(Map<String, String> fields) {
    if (!fields.containsKey("token")) {
      throw ApiException.badRequest("token is required");
    }
    // Checked before the revocation, which would make it fail.
    Optional<SessionsEnded> ended = cutoff(fields.get("token"), fields.get("client_id"));
    HttpResponse<String> answer = forward("/revoke", fields);
    if (answer.statusCode() != 200) {
      return passThrough(answer);
    }
    if (ended.isPresent()) {
      try {
        cutoffLog.appendAndWait(ended.get(), ended.get().accountId().toString());
      } catch (RuntimeException e) {
        // NOTE: Keycloak's REVOKE_GRANT event still cuts the token off through the event bridge.
        LOG.warnf("recording the revocation of a token of %s failed", ended.get().accountId());
        throw new ApiException(503, "The revocation could not be recorded; try again");
      }
    }
    // Mastodon answers an empty object for a revoked (or unknown) token.
    return Response.ok(Map.of()).build();
  }

  /**
   * The session (or, without a {@code sid}, the token) to end if {@code token} is an access token
   * this service accepts and was issued to {@code clientId}; empty for anything else, refresh
   * tokens included (Keycloak's own event covers those).
   */
  private Optional<SessionsEnded> cutoff(String token, String clientId) {
    try {
      tokens.authenticate(new AccessTokenCredential(token)).await().atMost(VERIFY_WAIT);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    // The token passed verification, so its claims are the identity provider's.
    JsonNode claims;
    try {
      claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (clientId == null || !clientId.equals(claims.path("azp").asText(null))) {
      return Optional.empty();
    }
    AccountId account;
    try {
      account = new AccountId(UUID.fromString(claims.path("sub").asText("")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    String sid = claims.path("sid").asText("");
    String jti = claims.path("jti").asText("");
    if (!sid.isEmpty()) {
      return Optional.of(SessionsEnded.session(account, sid, now, SessionsEnded.REASON_REVOKED));
    }
    return jti.isEmpty()
        ? Optional.empty()
        : Optional.of(SessionsEnded.token(account, jti, now, SessionsEnded.REASON_REVOKED));
  }

  private HttpResponse<String> forward(String path, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(endpoints + path))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ApiException(503, "The identity provider is not reachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "The identity provider is not reachable");
    }
  }

  private static Response passThrough(HttpResponse<String> answer) {
    return Response.status(answer.statusCode())
        .type(MediaType.APPLICATION_JSON)
        .entity(answer.body().isEmpty() ? "{}" : answer.body())
        .build();
  }

  private static Map<String, String> fields(
      MultivaluedMap<String, String> form, Set<String> known) {
    var fields = new LinkedHashMap<String, String>();
    if (form != null) {
      form.forEach(
          (name, values) -> {
            if (known.contains(name) && values != null && !values.isEmpty()) {
              fields.put(name, values.get(0));
            }
          });
    }
    return fields;
  }

  private static Map<String, String> fields(JsonNode body, Set<String> known) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("A JSON object is required");
    }
    var fields = new LinkedHashMap<String, String>();
    body.fields()
        .forEachRemaining(
            e -> {
              if (known.contains(e.getKey()) && e.getValue().isValueNode()) {
                fields.put(e.getKey(), e.getValue().asText());
              }
            });
    return fields;
  }
}
