package org.agora.moderation.api;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.moderation.domain.AppealRules;
import org.agora.moderation.domain.DecisionFacts;
import org.agora.moderation.projection.ModerationQueries;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may act on a decision's statement and appeal: a login, or (for a suspended account, which
 * cannot log in) the appeal capability identity mailed it. The identity is resolved without
 * blocking, since these endpoints are open to callers without a token; a token that is sent but
 * invalid still fails authentication (401).
 */
@ApplicationScoped
public class AppealAccess {
  /** The header that carries the capability on reads. */
  public static final String CAPABILITY_HEADER = "Agora-Appeal-Capability";

  private final CurrentIdentityAssociation identities;
  private final ModerationQueries queries;
  private final AppealRules rules;

  public AppealAccess(
      CurrentIdentityAssociation identities, ModerationQueries queries, AppealRules rules) {
    this.identities = identities;
    this.queries = queries;
    this.rules = rules;
  }

  /** The caller's account if a valid token came; empty without a token. */
  public Uni<Optional<AccountId>> login() {
    return identities
        .getDeferredIdentity()
        .map(
            identity -> {
              if (identity.isAnonymous()
                  || !(identity.getPrincipal() instanceof JsonWebToken token)
                  || token.getSubject() == null) {
                return Optional.empty();
              }
              try {
                return Optional.of(new AccountId(UUID.fromString(token.getSubject())));
              } catch (IllegalArgumentException e) {
                throw ApiException.unauthorized();
              }
            });
  }

  /** The caller's login, if any; 401 when there is none and no capability came either. */
  public Uni<Optional<AccountId>> loginOr(String capability) {
    return login()
        .invoke(
            login -> {
              if (login.isEmpty() && capability == null) {
                throw ApiException.unauthorized();
              }
            });
  }

  /** The affected account, if {@code capability} is one identity recorded for this decision. */
  public Uni<AccountId> byCapability(DecisionFacts decision, String capability) {
    return queries
        .appealCapabilities(decision.decisionId())
        .map(recorded -> rules.appellantByCapability(decision, capability, recorded));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
