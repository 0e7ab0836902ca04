package org.agora.kit.auth;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens are checked locally (signature, issuer, audience, expiry); this refuses the ones that
 * {@code identity.sessions} ended early: logouts, revocations, suspensions, erasures, disabled
 * users and roles taken away. The refusal is a 401, as for any invalid token.
 */
@ApplicationScoped
public class SessionCutoffAugmentor implements SecurityIdentityAugmentor {
  private final SessionCutoffs cutoffs;

  public SessionCutoffAugmentor(SessionLog log) {
    this.cutoffs = log.cutoffs();
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (!identity.isAnonymous()
        && identity.getPrincipal() instanceof JsonWebToken token
        && refused(token)) {
      return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended"));
    }
    return Uni.createFrom().item(identity);
  }

  private boolean refused(JsonWebToken token) {
    UUID account;
    try {
      account = UUID.fromString(token.getSubject());
    } catch (RuntimeException e) {
      return false;
    }
    Object sid = sessionId(token);
    return cutoffs.refuses(
        account,
        sid instanceof JsonString text ? text.getString() : sid == null ? null : sid.toString(),
        token.getTokenID(),
        token.getIssuedAtTime());
  }

  /**
   * The {@code sid} claim. NOTE: {@code JsonWebToken.getClaim} throws and catches an exception for
   * every claim name MicroProfile JWT does not list, on every request; the OIDC principal's own
   * claims are read directly.
   */
  private static Object sessionId(JsonWebToken token) {
    if (token instanceof OidcJwtCallerPrincipal principal) {
      return principal.getClaims().getClaimValue("sid");
    }
    return token.getClaim("sid");
  }
}
