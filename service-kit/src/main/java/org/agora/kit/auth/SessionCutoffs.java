package org.agora.kit.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.events.sessions.SessionsEnded;

/**
 * The tokens that ended before they expired, as {@code identity.sessions} names them: a token is
 * refused when its account's tokens up to some instant, its login session ({@code sid}) or the
 * token itself ({@code jti}) were ended. Entries older than the longest token life are dropped,
 * since every token they could name has expired.
 */
public final class SessionCutoffs {
  private final Clock clock;
  private final Duration longestTokenLife;
  private final ConcurrentHashMap<UUID, Instant> accountsEndedAt = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> sessionsEnded = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> tokensEnded = new ConcurrentHashMap<>();

  public SessionCutoffs(Clock clock, Duration longestTokenLife) {
    this.clock = clock;
    this.longestTokenLife = longestTokenLife;
  }

  public void apply(SessionsEnded ended) {
    if (ended.endedAt().isBefore(horizon())) {
      return;
    }
    if (ended.sessionId() != null) {
      sessionsEnded.merge(scoped(ended, ended.sessionId()), ended.endedAt(), SessionCutoffs::later);
    } else if (ended.tokenId() != null) {
      tokensEnded.merge(scoped(ended, ended.tokenId()), ended.endedAt(), SessionCutoffs::later);
    } else {
      accountsEndedAt.merge(ended.accountId().value(), ended.endedAt(), SessionCutoffs::later);
    }
  }

  /**
   * Whether a token with these claims was ended. {@code issuedAt} is the token's {@code iat} in
   * whole seconds, so a token issued in the very second of an account-wide cut-off is refused too.
   */
  public boolean refuses(UUID account, String sessionId, String tokenId, long issuedAtSeconds) {
    Instant accountEnd = accountsEndedAt.get(account);
    if (accountEnd != null && issuedAtSeconds <= accountEnd.getEpochSecond()) {
      return true;
    }
    if (sessionId != null && sessionsEnded.containsKey(account + "/" + sessionId)) {
      return true;
    }
    return tokenId != null && tokensEnded.containsKey(account + "/" + tokenId);
  }

  /** Forgets what no unexpired token can be named by any more. */
  public void prune() {
    Instant horizon = horizon();
    for (var map : List.of(accountsEndedAt, sessionsEnded, tokensEnded)) {
      map.values().removeIf(at -> at.isBefore(horizon));
    }
  }

  public int size() {
    return accountsEndedAt.size() + sessionsEnded.size() + tokensEnded.size();
  }

  private Instant horizon() {
    return clock.instant().minus(longestTokenLife);
  }

  private static String scoped(SessionsEnded ended, String id) {
    return ended.accountId().value() + "/" + id;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
