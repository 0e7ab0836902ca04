package org.agora.identity.lifecycle;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import org.agora.events.AccountId;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountRegistered;
import org.agora.identity.messaging.graph.IdentityLog;
import org.agora.identity.projection.IdentityStore;
import org.agora.identity.projection.ProjectedAccount;
import org.agora.kit.api.ApiException;

/**
 * Makes sure the caller's account is in the projection. A Keycloak user made outside sign-up (by an
 * operator, or by tests) has no {@code AccountRegistered}: its first authenticated call appends one
 * (state active). A user from sign-up already has its event on the log, maybe not yet projected: it
 * is projected from what Keycloak says, without a second event.
 */
@ApplicationScoped
public class AccountEnrolment {
  private static final String ACTOR = EventEnvelope.systemActor("identity-service");

  private final IdentityStore store;
  private final IdentityLog log;
  private final KeycloakUsers keycloak;

  public AccountEnrolment(IdentityStore store, IdentityLog log, KeycloakUsers keycloak) {
    this.store = store;
    this.log = log;
    this.keycloak = keycloak;
  }

  /** The caller's projected account; {@code username} is the token's preferred_username. */
  public Uni<ProjectedAccount> ensure(AccountId account, String username) {
    return store
        .account(account.value())
        .chain(
            found ->
                found.isPresent()
                    ? Uni.createFrom().item(found.get())
                    : enrol(account, username)
                        .chain(() -> store.account(account.value()))
                        .map(enrolled -> enrolled.orElseThrow(ApiException::unauthorized)));
  }

  /**
   * The account as Keycloak knows it, enrolled into the projection if needed; empty when Keycloak
   * has no such user (for decisions about accounts that never used Agora's API) or the account was
   * erased.
   */
  public Uni<java.util.Optional<ProjectedAccount>> ensureKnown(AccountId account) {
    return store
        .account(account.value())
        .chain(
            found ->
                found.isPresent()
                    ? Uni.createFrom().item(found)
                    : store
                        .erased(account.value())
                        .chain(
                            erased ->
                                erased
                                    // NOTE: an erased account has no user left to decide about
                                    ? Uni.createFrom().item(java.util.Optional.empty())
                                    : enrolFromKeycloak(account, null)
                                        .chain(() -> store.account(account.value()))));
  }

  private Uni<Void> enrol(AccountId account, String tokenUsername) {
    return store
        .erased(account.value())
        .chain(
            erased -> {
              if (erased) {
                throw ApiException.unauthorized();
              }
              return enrolFromKeycloak(account, tokenUsername);
            });
  }

  /** Enrols the account as Keycloak has it (nothing when Keycloak has no such user). */
  private Uni<Void> enrolFromKeycloak(AccountId account, String tokenUsername) {
    return Offload.call(() -> keycloak.user(account.toString()))
        .chain(
            user -> {
              if (user.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              String username =
                  tokenUsername == null || tokenUsername.isBlank()
                      ? user.get().username()
                      : tokenUsername;
              var registered =
                  new AccountRegistered(
                      account,
                      username.toLowerCase(Locale.ROOT),
                      user.get().state().orElse(AccountRegistered.ACTIVE),
                      Instant.now());
              if (user.get().state().isPresent()) {
                // Sign-up appended AccountRegistered already; project it ahead of its delivery.
                return store.apply(registered);
              }
              return log.append(registered, registered.registeredAt(), ACTOR)
                  .chain(() -> store.apply(registered));
            });
  }
}
