package org.agora.identity.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.kit.api.ApiException;

/**
 * Mastodon's {@code /oauth/token} and {@code /oauth/revoke} in front of Keycloak's: Mastodon
 * clients send these as JSON or as a form, Keycloak takes only forms. The fields pass through
 * unchanged (Keycloak checks everything) and a successful token answer gains Mastodon's {@code
 * created_at}.
 */
@Path("/oauth")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthTokenResource {
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

  public OAuthTokenResource(ObjectMapper json, KeycloakAdmin keycloak) {
    this.json = json;
    this.endpoints = keycloak.realmUrl() + "/protocol/openid-connect";
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
    HttpResponse<String> answer = forward("/revoke", fields);
    // Mastodon answers an empty object for a revoked (or unknown) token.
    return answer.statusCode() == 200 ? Response.ok(Map.of()).build() : passThrough(answer);
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
