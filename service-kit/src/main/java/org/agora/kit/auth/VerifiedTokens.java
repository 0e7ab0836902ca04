package org.agora.kit.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bearer tokens this service has already verified (signature, issuer, audience, expiry), with the
 * identity made from each, so a client's next request with the same token is not parsed and its
 * signature not checked again. An entry lives until the token expires and at most {@code maxAge};
 * only a token byte-for-byte equal to a verified one finds it. Ending a session early is not this
 * cache's business: the session cut-off check runs on every request, cached or not.
 */
public final class VerifiedTokens {
  private record Entry(SecurityIdentity identity, Instant expiresAt) {}

  private final Cache<String, Entry> entries;
  private final Duration maxAge;
  private final java.time.Clock clock;
  private final boolean on;

  public VerifiedTokens(int maxEntries, Duration maxAge, java.time.Clock clock) {
    this.maxAge = maxAge;
    this.clock = clock;
    this.on = maxEntries > 0;
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(Math.max(0, maxEntries))
            // NOTE: evictions run on the caller's thread: no pool is busied for a map this small.
            .executor(Runnable::run)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String token, Entry entry, long now) {
                    return Math.max(
                        0, Duration.between(clock.instant(), entry.expiresAt()).toNanos());
                  }

                  @Override
                  public long expireAfterUpdate(
                      String token, Entry entry, long now, long currentDuration) {
                    return expireAfterCreate(token, entry, now);
                  }

                  @Override
                  public long expireAfterRead(
                      String token, Entry entry, long now, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /** The identity of an already verified token that has not expired yet. */
  public Optional<SecurityIdentity> find(String token) {
    Entry entry = entries.getIfPresent(token);
    // NOTE: the expiry is checked here too: the cache's own eviction runs on its ticker, the
    // token's lifetime on the clock.
    if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.identity());
  }

  /** Keeps a verified token's identity until {@code tokenExpiresAt}, and at most {@code maxAge}. */
  public void remember(String token, SecurityIdentity identity, Instant tokenExpiresAt) {
    Instant until = clock.instant().plus(maxAge);
    if (tokenExpiresAt.isBefore(until)) {
      until = tokenExpiresAt;
    }
    if (on && until.isAfter(clock.instant())) {
      entries.put(token, new Entry(identity, until));
    }
  }

  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
