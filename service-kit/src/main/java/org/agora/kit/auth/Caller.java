package org.agora.kit.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the bearer token. {@link #requireSpeaker()} is the one rule every
 * content-producing command in every service goes through: a verified e-mail before speech.
 */
@RequestScoped
public class Caller {
  public static final String UNVERIFIED_MESSAGE =
      "Your login is missing a confirmed e-mail address";
  public static final String SECOND_FACTOR_MESSAGE =
      "Staff actions need a login with a second factor (TOTP)";
  public static final String MODERATOR = "moderator";
  public static final String ADMIN = "admin";

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  public Caller(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  public boolean isAnonymous() {
    return identity.isAnonymous();
  }

  /** The caller's account, or 401 when the request carries no valid token. */
  public AccountId requireAccount() {
    if (identity.isAnonymous() || token.getSubject() == null) {
      throw ApiException.unauthorized();
    }
    try {
      return new AccountId(UUID.fromString(token.getSubject()));
    } catch (IllegalArgumentException e) {
      throw ApiException.unauthorized();
    }
  }

  /** The caller's account if it may post, follow or report: 401 without token, 403 unverified. */
  public AccountId requireSpeaker() {
    AccountId account = requireAccount();
    if (!emailVerified()) {
      throw ApiException.forbidden(UNVERIFIED_MESSAGE);
    }
    return account;
  }

  /**
   * The caller's account if it holds one of {@code roles} and logged in with a second factor (the
   * token's {@code amr} names {@code otp}): 401 without token, 403 otherwise. Every staff endpoint
   * in every service goes through this.
   */
  public AccountId requireStaff(String... roles) {
    AccountId account = requireAccount();
    boolean allowed = false;
    for (String role : roles) {
      allowed |= identity.hasRole(role);
    }
    if (!allowed) {
      throw ApiException.forbidden("This action needs the role " + String.join(" or ", roles));
    }
    if (!secondFactor()) {
      throw ApiException.forbidden(SECOND_FACTOR_MESSAGE);
    }
    return account;
  }

  /** Whether this login used a second factor: the identity provider lists it in {@code amr}. */
  public boolean secondFactor() {
    Object claim = token.getClaim("amr");
    if (claim instanceof jakarta.json.JsonArray array) {
      return array.stream()
          .anyMatch(v -> v instanceof jakarta.json.JsonString s && "otp".equals(s.getString()));
    }
    if (claim instanceof java.util.Collection<?> values) {
      return values.stream().anyMatch(v -> "otp".equals(String.valueOf(v)));
    }
    return false;
  }

  public boolean emailVerified() {
    Object claim = token.getClaim("email_verified");
    return Boolean.TRUE.equals(claim)
        || (claim != null && "true".equals(claim.toString()))
        || (claim instanceof jakarta.json.JsonValue json && json == jakarta.json.JsonValue.TRUE);
  }

  public Optional<String> username() {
    return Optional.ofNullable(token.<String>getClaim("preferred_username"));
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }
}
