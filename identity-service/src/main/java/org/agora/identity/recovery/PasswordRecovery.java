package org.agora.identity.recovery;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.identity.keycloak.KeycloakException;
import org.jboss.logging.Logger;

/**
 * Password recovery only through Keycloak's e-mailed link ({@code UPDATE_PASSWORD} action): Agora
 * never sets, sees or resets a password itself.
 */
@ApplicationScoped
public class PasswordRecovery {
  static final List<String> UPDATE_PASSWORD = List.of("UPDATE_PASSWORD");
  private static final Logger LOG = Logger.getLogger(PasswordRecovery.class);

  private final KeycloakAdmin keycloak;
  private final Duration linkLifespan;

  public PasswordRecovery(
      KeycloakAdmin keycloak,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "agora.recovery.link-lifespan")
          Duration linkLifespan) {
    this.keycloak = keycloak;
    this.linkLifespan = linkLifespan;
  }

  /**
   * Mails a reset link if an account has this address, in the background: the caller's answer and
   * its timing are the same whether or not it exists.
   */
  public void requestByEmail(String email) {
    Infrastructure.getDefaultWorkerPool()
        .execute(
            () -> {
              try {
                keycloak
                    .userByEmail(email)
                    .filter(user -> user.path("enabled").asBoolean(true))
                    .ifPresent(
                        user ->
                            keycloak.executeActionsEmail(
                                user.path("id").asText(), UPDATE_PASSWORD, linkLifespan));
              } catch (KeycloakException e) {
                LOG.warnf(e, "could not send a password reset link");
              }
            });
  }

  /** An admin triggers the mail for an account: false when there is no such account. */
  public boolean triggerFor(String accountId) {
    if (keycloak.user(accountId).isEmpty()) {
      return false;
    }
    keycloak.executeActionsEmail(accountId, UPDATE_PASSWORD, linkLifespan);
    return true;
  }
}
