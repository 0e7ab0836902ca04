package org.agora.identity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.events.AccountId;
import org.agora.events.sessions.SessionsEnded;

/**
 * Keycloak's user and admin events that end logins early, as {@link SessionsEnded}: what a token
 * introspection would have noticed at once, and a locally checked token does not. Each is dated by
 * Keycloak's own time. Events that name no user (an admin's {@code DELETE sessions/{id}}, a
 * realm-wide logout) cannot be keyed to an account and are left out.
 */
public final class KeycloakCutoffs {
  private static final String UUID_RE =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final Pattern USER = Pattern.compile("^users/(" + UUID_RE + ")$");
  private static final Pattern USER_PART = Pattern.compile("^users/(" + UUID_RE + ")/(.+)$");

  private final ObjectMapper json;

  public KeycloakCutoffs(ObjectMapper json) {
    this.json = json;
  }

  /** A user event of {@code GET /admin/realms/{realm}/events}; failed attempts end nothing. */
  public Optional<SessionsEnded> userEvent(JsonNode event) {
    Optional<AccountId> account = SecurityEventTranslator.accountId(text(event, "userId"));
    if (account.isEmpty() || event.hasNonNull("error")) {
      return Optional.empty();
    }
    Instant at = Instant.ofEpochMilli(event.path("time").asLong());
    String session = text(event, "sessionId");
    return switch (event.path("type").asText()) {
      case "LOGOUT" ->
          Optional.ofNullable(session)
              .map(
                  sid ->
                      SessionsEnded.session(account.get(), sid, at, SessionsEnded.REASON_LOGOUT));
      // A revoked refresh token names its session, a revoked access token only itself; the account
      // console's "remove access" names neither, only the client, so every earlier token goes.
      case "REVOKE_GRANT" -> {
        String token = text(event.path("details"), "token_id");
        if (session != null) {
          yield Optional.of(
              SessionsEnded.session(account.get(), session, at, SessionsEnded.REASON_REVOKED));
        }
        yield Optional.of(
            token != null
                ? SessionsEnded.token(account.get(), token, at, SessionsEnded.REASON_REVOKED)
                : SessionsEnded.allBefore(account.get(), at, SessionsEnded.REASON_REVOKED));
      }
      case "USER_DISABLED_BY_PERMANENT_LOCKOUT" ->
          Optional.of(SessionsEnded.allBefore(account.get(), at, SessionsEnded.REASON_DISABLED));
      case "DELETE_ACCOUNT" ->
          Optional.of(SessionsEnded.allBefore(account.get(), at, SessionsEnded.REASON_DELETED));
      default -> Optional.empty();
    };
  }

  /** An admin event of {@code GET /admin/realms/{realm}/admin-events}. */
  public Optional<SessionsEnded> adminEvent(JsonNode event) {
    if (event.hasNonNull("error")) {
      return Optional.empty();
    }
    String path = event.path("resourcePath").asText("");
    String operation = event.path("operationType").asText("");
    Instant at = Instant.ofEpochMilli(event.path("time").asLong());
    Matcher user = USER.matcher(path);
    if (user.matches()) {
      AccountId account = new AccountId(UUID.fromString(user.group(1)));
      return switch (operation) {
        case "DELETE" ->
            Optional.of(SessionsEnded.allBefore(account, at, SessionsEnded.REASON_DELETED));
        case "UPDATE" ->
            disables(event.path("representation").asText(null))
                ? Optional.of(SessionsEnded.allBefore(account, at, SessionsEnded.REASON_DISABLED))
                : Optional.empty();
        default -> Optional.empty();
      };
    }
    Matcher part = USER_PART.matcher(path);
    if (!part.matches()) {
      return Optional.empty();
    }
    AccountId account = new AccountId(UUID.fromString(part.group(1)));
    String rest = part.group(2);
    if ("ACTION".equals(operation) && "logout".equals(rest)) {
      return Optional.of(
          SessionsEnded.allBefore(account, at, SessionsEnded.REASON_SESSIONS_CLOSED));
    }
    if (!"DELETE".equals(operation)) {
      return Optional.empty();
    }
    // A group may carry roles as well; a consent removed ends the client's offline sessions.
    if (rest.startsWith("role-mappings") || rest.startsWith("groups/")) {
      return Optional.of(SessionsEnded.allBefore(account, at, SessionsEnded.REASON_ROLES_CHANGED));
    }
    if (rest.startsWith("consents/")) {
      return Optional.of(SessionsEnded.allBefore(account, at, SessionsEnded.REASON_REVOKED));
    }
    return Optional.empty();
  }

  /** The update's representation sets {@code enabled} to false (Keycloak copies the request). */
  private boolean disables(String representation) {
    if (representation == null) {
      return false;
    }
    try {
      JsonNode enabled = json.readTree(representation).path("enabled");
      return enabled.isBoolean() && !enabled.asBoolean();
    } catch (IOException e) {
      return false;
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) && !node.get(field).asText().isEmpty()
        ? node.get(field).asText()
        : null;
  }
}
