package org.agora.events.sessions;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/**
 * Tokens of {@code accountId} that no service may accept any more, although they have not expired.
 * Exactly one scope applies:
 *
 * <ul>
 *   <li>{@code sessionId} set: every token of that login session ({@code sid} claim), e.g. a logout
 *       or a revoked app authorisation;
 *   <li>{@code tokenId} set: that one token ({@code jti} claim), e.g. a revoked access token;
 *   <li>neither: every token of the account issued at or before {@code endedAt} ({@code iat}), e.g.
 *       a suspension, an erasure, a disabled user or a role taken away. A later login is not
 *       affected.
 * </ul>
 *
 * {@code reason} is one of the {@code REASON_*} words, for operators and auditors; it carries no
 * private data.
 */
public record SessionsEnded(
    AccountId accountId, String sessionId, String tokenId, Instant endedAt, String reason)
    implements SessionEvent {
  public static final String TYPE = "agora.sessions.ended.v1";

  public static final String REASON_LOGOUT = "logout";
  public static final String REASON_REVOKED = "revoked";
  public static final String REASON_SUSPENDED = "suspended";
  public static final String REASON_ERASED = "erased";
  public static final String REASON_REJECTED = "rejected";
  public static final String REASON_DISABLED = "disabled";
  public static final String REASON_DELETED = "deleted";
  public static final String REASON_ROLES_CHANGED = "roles-changed";
  public static final String REASON_SESSIONS_CLOSED = "sessions-closed";

  public SessionsEnded {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(reason, "reason");
    if (sessionId != null && tokenId != null) {
      throw new IllegalArgumentException("a cut-off names a session or a token, not both");
    }
  }

  /** Every token of the account issued at or before {@code endedAt}. */
  public static SessionsEnded allBefore(AccountId account, Instant endedAt, String reason) {
    return new SessionsEnded(account, null, null, endedAt, reason);
  }

  /** Every token of one login session. */
  public static SessionsEnded session(
      AccountId account, String sessionId, Instant endedAt, String reason) {
    return new SessionsEnded(
        account, Objects.requireNonNull(sessionId, "sessionId"), null, endedAt, reason);
  }

  /** One token. */
  public static SessionsEnded token(
      AccountId account, String tokenId, Instant endedAt, String reason) {
    return new SessionsEnded(
        account, null, Objects.requireNonNull(tokenId, "tokenId"), endedAt, reason);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
