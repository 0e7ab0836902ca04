package org.agora.identity.signup;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.agora.identity.domain.signup.SignupForm;
import org.agora.identity.domain.signup.SignupRejected;
import org.agora.kit.api.ApiException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's {@code POST /api/v1/accounts}: username, email, password, agreement and locale, as a
 * form or JSON; answers a Token for the new user like Mastodon does. Same checks and rate limit as
 * Agora's own sign-up.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class MastodonSignupResource {
  private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");

  private final Signup signup;
  private final SignupLogin login;

  public MastodonSignupResource(Signup signup, SignupLogin login) {
    this.signup = signup;
    this.login = login;
  }

  public record MastodonSignupRequest(
      String username,
      String email,
      String password,
      Object agreement,
      String locale,
      String reason) {}

  public record MastodonToken(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      String scope,
      @JsonProperty("created_at") long createdAt) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public MastodonToken signUpJson(MastodonSignupRequest request) {
    if (request == null) {
      throw ApiException.badRequest(
          "A body with username, email, password, agreement and locale is required");
    }
    return signUp(request);
  }

  @POST
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  public MastodonToken signUpForm(
      @RestForm String username,
      @RestForm String email,
      @RestForm String password,
      @RestForm String agreement,
      @RestForm String locale,
      @RestForm String reason) {
    return signUp(new MastodonSignupRequest(username, email, password, agreement, locale, reason));
  }

  private MastodonToken signUp(MastodonSignupRequest request) {
    SignupForm form;
    try {
      form = SignupForm.check("username", request.username(), request.email(), request.password());
    } catch (SignupRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
    if (!accepted(request.agreement())) {
      throw ApiException.unprocessable("agreement: must be accepted");
    }
    if (request.locale() == null || request.locale().isBlank()) {
      throw ApiException.unprocessable("locale: is required");
    }
    if (request.locale().length() > 35 || !LOCALE.matcher(request.locale()).matches()) {
      throw ApiException.unprocessable("locale: is not a language tag such as en or de-AT");
    }
    signup.register(form, "username");
    return login
        .token(form.handle().value(), form.password())
        .map(t -> new MastodonToken(t, "Bearer", "read write follow push", epochSeconds()))
        .orElseThrow(() -> new ApiException(503, "Your account was created; log in to continue"));
  }

  private static boolean accepted(Object agreement) {
    return Boolean.TRUE.equals(agreement)
        || (agreement instanceof String s
            && (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("on")));
  }

  private static long epochSeconds() {
    return java.time.Instant.now().getEpochSecond();
  }
}
