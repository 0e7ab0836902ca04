package org.agora.identity.signup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.accounts.AccountRegistered;
import org.agora.identity.domain.signup.SignupForm;
import org.agora.identity.domain.signup.SignupRejected;
import org.agora.identity.domain.signup.SignupThrottle;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.keycloak.KeycloakException;
import org.agora.kit.api.ApiException;
import org.jboss.logging.Logger;

/**
 * Sign-up through Keycloak's admin API: the one door into the realm (its own registration page is
 * off), so every new account passes the handle rules and the rate check, gets Keycloak's
 * verification mail, and is announced by {@link AccountRegistered}. Blocking: worker threads only.
 */
@ApplicationScoped
public class Signup {
  /** The Keycloak user attribute that mirrors the account's state for admins. */
  public static final String STATE_ATTRIBUTE = "agora_state";

  private static final Logger LOG = Logger.getLogger(Signup.class);

  private final KeycloakAdmin keycloak;
  private final SignupThrottle throttle;
  private final AccountLog log;
  private final ObjectMapper json;

  public Signup(
      KeycloakAdmin keycloak, SignupThrottle throttle, AccountLog log, ObjectMapper json) {
    this.keycloak = keycloak;
    this.throttle = throttle;
    this.log = log;
    this.json = json;
  }

  public record Registered(AccountId accountId, String handle, String state) {}

  /** Creates the account or throws a 422 {@link ApiException} naming the field. */
  public Registered register(SignupForm form, String handleField) {
    String state = throttle.admit().state();
    KeycloakAdmin.Reply reply =
        keycloak.createUser(
            form.handle().value(),
            form.email(),
            form.password(),
            Map.of(STATE_ATTRIBUTE, List.of(state)));
    if (reply.status() != 201) {
      throw refusal(reply, handleField);
    }
    String id = reply.createdId().orElseThrow(() -> new KeycloakException("create user", reply));
    AccountId accountId = new AccountId(UUID.fromString(id));
    Instant now = Instant.now();
    try {
      log.append(new AccountRegistered(accountId, form.handle().value(), state, now), now, id);
    } catch (RuntimeException e) {
      // No account without its event: undo the Keycloak user and let the client try again.
      LOG.errorf(e, "could not append AccountRegistered for %s; removing the Keycloak user", id);
      keycloak.deleteUser(id);
      throw new ApiException(503, "Sign-up is unavailable right now, try again later");
    }
    try {
      keycloak.sendVerifyEmail(id);
    } catch (KeycloakException e) {
      // The account exists; the address can be confirmed from a new link later.
      LOG.warnf(e, "could not send the verification mail of account %s", id);
    }
    return new Registered(accountId, form.handle().value(), state);
  }

  private ApiException refusal(KeycloakAdmin.Reply reply, String handleField) {
    String text = reply.errorText(json);
    if (reply.status() == 409) {
      // Mastodon says as much ("has already been taken") for both fields.
      String field = text.toLowerCase().contains("email") ? "email" : handleField;
      return ApiException.unprocessable(field + ": has already been taken");
    }
    if (reply.status() == 400 && text.startsWith("Invalid password")) {
      // Keycloak's policy: "Invalid password: minimum length 12." and the like.
      String reason = text.substring("Invalid password".length()).replaceFirst("^:\\s*", "");
      if (reason.startsWith("password is not allowed")) {
        reason = "is on the list of common passwords, choose another";
      }
      return ApiException.unprocessable("password: " + reason.replaceFirst("\\.$", ""));
    }
    if (reply.status() == 400) {
      return ApiException.unprocessable(new SignupRejected("account", text).getMessage());
    }
    throw new KeycloakException("create user", reply);
  }
}
