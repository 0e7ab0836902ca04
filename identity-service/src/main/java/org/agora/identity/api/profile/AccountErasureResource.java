package org.agora.identity.api.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.agora.events.AccountId;
import org.agora.identity.lifecycle.AccountErasure;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Erasure of the caller's own account (GDPR Art. 17). The token alone is not enough: the body
 * carries the current password, checked by logging in again.
 */
@Path("/api/agora/v1/identity/account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountErasureResource {
  private final Caller caller;
  private final AccountErasure erasure;

  public AccountErasureResource(Caller caller, AccountErasure erasure) {
    this.caller = caller;
    this.erasure = erasure;
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Erased> erase(ErasureRequest request) {
    return erase(
        request == null ? null : request.password(), request == null ? null : request.totp());
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Erased> eraseForm(@RestForm String password, @RestForm String totp) {
    return erase(password, totp);
  }

  private Uni<Erased> erase(String password, String totp) {
    AccountId me = caller.requireAccount();
    String username = caller.username().orElseThrow(ApiException::unauthorized);
    return erasure
        .erase(me, username, password, totp)
        .map(erased -> new Erased(erased.accountId().toString(), erased.erasedAt()));
  }

  public record Erased(
      @JsonProperty("account_id") String accountId, @JsonProperty("erased_at") Instant erasedAt) {}
}
