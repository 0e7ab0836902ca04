package org.agora.kit.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Serves a bearer token this service verified before from {@link VerifiedTokens}, ahead of the OIDC
 * provider; the first time a token is seen the OIDC provider verifies it and {@link Remember} keeps
 * the identity it made. Augmentors, the session cut-off among them, run on every request either
 * way.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {
  /** Marks an identity served from the cache, so it is not remembered again. */
  static final String FROM_CACHE = "agora.token-from-cache";

  private final VerifiedTokens tokens;
  private final Counter hits;
  private final Counter misses;

  public VerifiedTokenCache(VerifiedTokens tokens, MeterRegistry registry) {
    this.tokens = tokens;
    this.hits = lookups(registry, "hit");
    this.misses = lookups(registry, "miss");
  }

  private static Counter lookups(MeterRegistry registry, String result) {
    return Counter.builder("agora.tokens.cache.lookups")
        .description("Bearer tokens served from the verified-token cache (hit) or verified (miss)")
        .tag("result", result)
        .register(registry);
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /**
   * Before the OIDC provider, which has the default priority of providers that are not the
   * framework's own ({@code SYSTEM_FIRST + 1}); a miss (null) passes the request on to it.
   */
  @Override
  public int priority() {
    return IdentityProvider.SYSTEM_FIRST + 1000;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    var cached = tokens.find(request.getToken().getToken());
    if (cached.isEmpty()) {
      misses.increment();
      return Uni.createFrom().nullItem();
    }
    hits.increment();
    // NOTE: the OIDC identity carries the request it was made for; this request replaces it.
    var identity =
        QuarkusSecurityIdentity.builder(cached.get())
            .addAttribute(FROM_CACHE, Boolean.TRUE)
            .addAttribute(AuthenticationRequestContext.class.getName(), context);
    var routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
    if (routingContext != null) {
      identity.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routingContext);
      identity.addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), routingContext);
    }
    return Uni.createFrom().item(identity.build());
  }

  /** Keeps the identity the OIDC provider made from a token it verified. Runs first. */
  @ApplicationScoped
  public static class Remember implements SecurityIdentityAugmentor {
    private final VerifiedTokens tokens;

    public Remember(VerifiedTokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public int priority() {
      return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(
        SecurityIdentity identity, AuthenticationRequestContext context) {
      if (!identity.isAnonymous()
          && identity.getAttribute(FROM_CACHE) == null
          && identity.getPrincipal() instanceof JsonWebToken jwt
          && jwt.getExpirationTime() > 0) {
        var credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && credential.getToken() != null) {
          tokens.remember(
              credential.getToken(),
              withoutRequest(identity),
              Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
      }
      return Uni.createFrom().item(identity);
    }
  }

  /** A copy that holds no reference to the request it was made for (kept for minutes). */
  static SecurityIdentity withoutRequest(SecurityIdentity identity) {
    return QuarkusSecurityIdentity.builder(identity)
        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, null)
        .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), null)
        .addAttribute(AuthenticationRequestContext.class.getName(), null)
        .build();
  }

  /** The cache: {@code agora.tokens.cache-size} entries (0 turns it off), each at most max-age. */
  @Singleton
  static class Producer {
    @Produces
    @Singleton
    @Startup
    VerifiedTokens verifiedTokens(
        @ConfigProperty(name = "agora.tokens.cache-size", defaultValue = "4096") int size,
        @ConfigProperty(name = "agora.tokens.cache-max-age", defaultValue = "PT5M")
            Duration maxAge) {
      return new VerifiedTokens(size, maxAge, Clock.systemUTC());
    }
  }
}
