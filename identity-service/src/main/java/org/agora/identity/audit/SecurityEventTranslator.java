package org.agora.identity.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.events.AccountId;
import org.agora.events.audit.SecurityEventRecorded;

/**
 * Keycloak's user and admin events as {@link SecurityEventRecorded}. Only what an auditor needs and
 * nothing private: no e-mail address, IP address, username as typed (it may be an e-mail) or
 * representation; from the details only an allow-list of technical keys.
 */
public final class SecurityEventTranslator {
  /** Admin events carry this prefix in {@code kind}, so both streams share one topic. */
  public static final String ADMIN_PREFIX = "ADMIN_";

  private static final Set<String> DETAIL_KEYS =
      Set.of(
          "auth_method",
          "grant_type",
          "reason",
          "custom_required_action",
          "credential_type",
          "response_type",
          "action");
  private static final Pattern USER_PATH =
      Pattern.compile("^users/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  private final ObjectMapper json;

  public SecurityEventTranslator(ObjectMapper json) {
    this.json = json;
  }

  /** A user event of {@code GET /admin/realms/{realm}/events}. */
  public SecurityEventRecorded userEvent(JsonNode event) {
    Optional<AccountId> account = accountId(text(event, "userId"));
    List<String> details = new ArrayList<>();
    event
        .path("details")
        .properties()
        .forEach(
            e -> {
              if (DETAIL_KEYS.contains(e.getKey())) {
                details.add(e.getKey() + "=" + e.getValue().asText());
              }
            });
    details.sort(String::compareTo);
    return new SecurityEventRecorded(
        event.path("id").asText(),
        event.path("type").asText(),
        account.orElse(null),
        account.orElse(null),
        text(event, "clientId"),
        text(event, "error"),
        details.isEmpty() ? null : String.join(", ", details),
        Instant.ofEpochMilli(event.path("time").asLong()));
  }

  /** An admin event of {@code GET /admin/realms/{realm}/admin-events}. */
  public SecurityEventRecorded adminEvent(JsonNode event) {
    String path = event.path("resourcePath").asText("");
    Matcher user = USER_PATH.matcher(path);
    String resourceType = event.path("resourceType").asText("UNKNOWN");
    String operation = event.path("operationType").asText("UNKNOWN");
    StringBuilder detail = new StringBuilder(operation + " " + resourceType + " " + path);
    if (resourceType.endsWith("ROLE_MAPPING")) {
      List<String> roles = roleNames(event.path("representation").asText(null));
      if (!roles.isEmpty()) {
        detail.append(" roles=").append(String.join(",", roles));
      }
    }
    return new SecurityEventRecorded(
        event.path("id").asText(),
        ADMIN_PREFIX + resourceType + "_" + operation,
        user.find() ? new AccountId(UUID.fromString(user.group(1))) : null,
        accountId(event.path("authDetails").path("userId").asText(null)).orElse(null),
        event.path("authDetails").path("clientId").asText(null),
        text(event, "error"),
        detail.toString(),
        Instant.ofEpochMilli(event.path("time").asLong()));
  }

  private List<String> roleNames(String representation) {
    List<String> names = new ArrayList<>();
    if (representation == null) {
      return names;
    }
    try {
      for (JsonNode role : json.readTree(representation)) {
        if (role.hasNonNull("name")) {
          names.add(role.get("name").asText());
        }
      }
    } catch (IOException e) {
      // not a role list: leave the roles out
    }
    return names;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  /** A Keycloak user id as an account id; empty for none or for anything that is not a UUID. */
  static Optional<AccountId> accountId(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AccountId(UUID.fromString(value)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
