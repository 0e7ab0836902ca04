package org.agora.identity.recovery;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.agora.identity.domain.signup.SignupForm;
import org.agora.identity.domain.signup.SignupRejected;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;

/**
 * Recovery without takeover: anyone may ask for a reset link (202 with the same answer whether or
 * not the address has an account); an admin with a second factor may only trigger that mail.
 */
@Path("/api/agora/v1/identity")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {
  static final String ANSWER =
      "If an account has this address, a link to choose a new password is on its way";
  static final String ADMIN_ANSWER =
      "A link to choose a new password was mailed to the account's address";

  private final PasswordRecovery recovery;
  private final Caller caller;

  public PasswordResetResource(PasswordRecovery recovery, Caller caller) {
    this.recovery = recovery;
    this.caller = caller;
  }

  public record ResetRequest(String email) {}

  public record ResetAnswer(String message) {}

  @POST
  @Path("password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response request(ResetRequest request) {
    if (request == null) {
      throw ApiException.badRequest("A JSON body with email is required");
    }
    String email;
    try {
      email = SignupForm.checkEmail(request.email());
    } catch (SignupRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
    recovery.requestByEmail(email);
    return Response.accepted(new ResetAnswer(ANSWER)).build();
  }

  @POST
  @Path("admin/accounts/{id}/password-reset")
  @Authenticated
  public Response trigger(@PathParam("id") String id) {
    caller.requireStaff(Caller.ADMIN);
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
    if (!recovery.triggerFor(id)) {
      throw ApiException.notFound();
    }
    return Response.accepted(new ResetAnswer(ADMIN_ANSWER)).build();
  }
}
