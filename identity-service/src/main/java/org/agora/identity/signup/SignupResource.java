package org.agora.identity.signup;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.agora.identity.domain.signup.SignupForm;
import org.agora.identity.domain.signup.SignupRejected;
import org.agora.kit.api.ApiException;

/**
 * Agora's own sign-up: {@code {handle, email, password}} → 201 with the account, its state ({@code
 * active} or {@code pending_approval}) and a verification mail on its way. Reachable without a
 * token, so it never touches the caller.
 */
@Path("/api/agora/v1/identity/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class SignupResource {
  private final Signup signup;

  public SignupResource(Signup signup) {
    this.signup = signup;
  }

  public record SignupRequest(String handle, String email, String password) {}

  public record SignupAnswer(
      String id,
      String handle,
      String state,
      @JsonProperty("email_verified") boolean emailVerified,
      String next) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signUp(SignupRequest request) {
    if (request == null) {
      throw ApiException.badRequest("A JSON body with handle, email and password is required");
    }
    SignupForm form;
    try {
      form = SignupForm.check("handle", request.handle(), request.email(), request.password());
    } catch (SignupRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
    Signup.Registered account = signup.register(form, "handle");
    return Response.created(URI.create("/api/v1/accounts/" + account.accountId()))
        .entity(
            new SignupAnswer(
                account.accountId().toString(),
                account.handle(),
                account.state(),
                false,
                "Confirm your e-mail address from the link we sent; until then you can read but"
                    + " not post, follow or report."))
        .build();
  }
}
