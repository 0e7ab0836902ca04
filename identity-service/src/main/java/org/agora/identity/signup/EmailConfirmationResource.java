package org.agora.identity.signup;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's {@code POST /api/v1/emails/confirmations}: the caller asks Keycloak to mail the
 * verification link again. Changing the address here is not offered (Keycloak's account console
 * does that, with its own verification).
 */
@Path("/api/v1/emails/confirmations")
@Produces(MediaType.APPLICATION_JSON)
public class EmailConfirmationResource {
  private final KeycloakAdmin keycloak;
  private final Caller caller;

  public EmailConfirmationResource(KeycloakAdmin keycloak, Caller caller) {
    this.keycloak = keycloak;
    this.caller = caller;
  }

  @POST
  @Authenticated
  public Map<String, Object> resend(@RestForm String email) {
    String id = caller.requireAccount().toString();
    if (email != null && !email.isBlank()) {
      throw ApiException.unprocessable(
          "email: changing the address is done in the account console, not here");
    }
    var user = keycloak.user(id).orElseThrow(ApiException::unauthorized);
    if (user.path("emailVerified").asBoolean()) {
      // Mastodon's answer for an account that has nothing to confirm.
      throw ApiException.forbidden(
          "This method is only available while the e-mail is awaiting confirmation");
    }
    keycloak.sendVerifyEmail(id);
    return Map.of();
  }
}
