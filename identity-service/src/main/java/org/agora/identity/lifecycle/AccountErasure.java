package org.agora.identity.lifecycle;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.agora.events.AccountId;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountErasureRequested;
import org.agora.events.accounts.AccountRejected;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.messaging.graph.IdentityLog;
import org.agora.identity.messaging.sessions.CutoffLog;
import org.agora.identity.projection.IdentityStore;
import org.agora.kit.api.ApiException;
import org.agora.kit.keys.ContentKeyRing;

/**
 * Erases an account (GDPR Art. 17) after the owner re-authenticated: {@code
 * AccountErasureRequested}, the profile key tombstoned (shredding every profile event in the log),
 * the Keycloak user deleted and its tokens cut off ({@code SessionsEnded}), this service's rows
 * purged, then {@code AccountErased}, on which every other service purges its own data. A
 * moderator's rejection of a sign-up awaiting approval takes the same path after {@code
 * AccountRejected}.
 */
@ApplicationScoped
public class AccountErasure {
  public static final String WRONG_PASSWORD =
      "password: does not match; erasing an account needs its current password";

  private final KeycloakUsers keycloak;
  private final IdentityLog log;
  private final IdentityStore store;
  private final ContentKeyRing keys;
  private final CutoffLog cutoffLog;

  public AccountErasure(
      KeycloakUsers keycloak,
      IdentityLog log,
      IdentityStore store,
      ContentKeyRing keys,
      CutoffLog cutoffLog) {
    this.keycloak = keycloak;
    this.cutoffLog = cutoffLog;
    this.log = log;
    this.store = store;
    this.keys = keys;
  }

  public Uni<AccountErased> erase(
      AccountId account, String username, String password, String totp) {
    if (password == null || password.isEmpty()) {
      throw ApiException.unprocessable("password: can't be blank");
    }
    if (password.length() > 256) {
      throw ApiException.unprocessable(
          "password: " + password.length() + " characters, at most 256");
    }
    String actor = account.toString();
    return Offload.call(() -> keycloak.passwordValid(username, password, totp))
        .chain(
            valid -> {
              if (!valid) {
                throw ApiException.forbidden(WRONG_PASSWORD);
              }
              var requested = new AccountErasureRequested(account, Instant.now());
              return log.append(requested, requested.requestedAt(), actor);
            })
        .chain(() -> remove(account, actor, SessionsEnded.REASON_ERASED));
  }

  /**
   * Mastodon's reject of a sign-up awaiting approval (the caller checked that it is): {@code
   * AccountRejected}, then the same removal as an erasure, the moderator as the actor of both.
   */
  public Uni<AccountErased> reject(AccountId account, AccountId moderator) {
    String actor = moderator.toString();
    var rejected = new AccountRejected(account, moderator, Instant.now());
    return log.append(rejected, rejected.rejectedAt(), actor)
        .chain(() -> remove(account, actor, SessionsEnded.REASON_REJECTED));
  }

  private Uni<AccountErased> remove(AccountId account, String actor, String reason) {
    return log.tombstoneKey(account)
        .invoke(() -> keys.shred(account.value()))
        .chain(() -> Offload.run(() -> keycloak.delete(account.toString())))
        // NOTE: dated after the deletion, so no token of the account escapes; should this append
        // fail, Keycloak's own DELETE event reaches identity.sessions through the event bridge.
        .chain(
            () -> cutoffLog.append(SessionsEnded.allBefore(account, Instant.now(), reason), actor))
        .chain(
            () -> {
              var erased = new AccountErased(account, Instant.now());
              return store
                  .apply(erased)
                  .chain(() -> log.append(erased, erased.erasedAt(), actor))
                  .replaceWith(erased);
            });
  }
}
