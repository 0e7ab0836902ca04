package org.agora.identity.signup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountRegistered;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.lifecycle.AccountErasure;
import org.agora.identity.lifecycle.Offload;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;

/**
 * Mastodon's {@code POST /api/v1/admin/accounts/:id/approve} and {@code …/reject}: a moderator or
 * admin (with a second factor) lets an account that signed up during a burst speak, or removes it.
 * The event is appended first; the Keycloak attribute only mirrors it.
 */
@Path("/api/v1/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountApprovalResource {
  static final String NOT_PENDING = "This account is not awaiting approval";

  private final KeycloakAdmin keycloak;
  private final AccountLog log;
  private final AccountErasure erasure;
  private final Caller caller;

  public AccountApprovalResource(
      KeycloakAdmin keycloak, AccountLog log, AccountErasure erasure, Caller caller) {
    this.keycloak = keycloak;
    this.log = log;
    this.erasure = erasure;
    this.caller = caller;
  }

  /** The part of Mastodon's Admin::Account that Agora knows, without the e-mail address. */
  public record AdminAccount(
      String id,
      String username,
      String domain,
      @JsonProperty("created_at") Instant createdAt,
      boolean confirmed,
      boolean approved,
      boolean disabled,
      boolean suspended,
      boolean silenced) {

    static AdminAccount of(String id, JsonNode user, boolean approved) {
      return new AdminAccount(
          id,
          user.path("username").asText(),
          null,
          Instant.ofEpochMilli(user.path("createdTimestamp").asLong()),
          user.path("emailVerified").asBoolean(),
          approved,
          !user.path("enabled").asBoolean(true),
          false,
          false);
    }
  }

  @POST
  @Path("{id}/approve")
  @Authenticated
  public AdminAccount approve(@PathParam("id") String id) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    AccountId account = accountId(id);
    JsonNode user = pendingUser(id);
    Instant now = Instant.now();
    log.append(new AccountApproved(account, moderator, now), now, moderator.toString());
    keycloak.setAttribute(id, Signup.STATE_ATTRIBUTE, AccountRegistered.ACTIVE);
    return AdminAccount.of(id, user, true);
  }

  /**
   * Removes the account as erasure does ({@code AccountRejected}, then {@code AccountErased}) and
   * answers it as it was; a second reject finds no account (404).
   */
  @POST
  @Path("{id}/reject")
  @Authenticated
  public Uni<AdminAccount> reject(@PathParam("id") String id) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    AccountId account = accountId(id);
    return Offload.call(() -> pendingUser(id))
        .chain(
            user ->
                erasure
                    .reject(account, moderator)
                    .replaceWith(() -> AdminAccount.of(id, user, false)));
  }

  private static AccountId accountId(String id) {
    try {
      return new AccountId(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }

  /** Blocking. */
  private JsonNode pendingUser(String id) {
    JsonNode user = keycloak.user(id).orElseThrow(ApiException::notFound);
    String state = user.path("attributes").path(Signup.STATE_ATTRIBUTE).path(0).asText("");
    if (!AccountRegistered.PENDING_APPROVAL.equals(state)) {
      // Mastodon refuses to approve or reject an account that is not pending with 403 too.
      throw ApiException.forbidden(NOT_PENDING);
    }
    return user;
  }
}
