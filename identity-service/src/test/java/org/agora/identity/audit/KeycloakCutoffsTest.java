package org.agora.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.sessions.SessionsEnded;
import org.junit.jupiter.api.Test;

/**
 * Keycloak 26.7's events (as captured from the local realm) that end logins, and those that don't.
 */
class KeycloakCutoffsTest {
  private static final String USER = "3fbea97f-3a9a-4991-ab49-636b92ab0271";
  private static final AccountId ACCOUNT = new AccountId(UUID.fromString(USER));
  private static final long TIME = 1796013028666L;
  private static final Instant AT = Instant.ofEpochMilli(TIME);
  private static final String ADMIN_AUTH =
      "\"authDetails\":{\"realmId\":\"m\",\"clientId\":\"c\","
          + "\"userId\":\"1236abf1-f78f-43e7-a809-4c55511f8345\"}";

  private final ObjectMapper json = new ObjectMapper();
  private final KeycloakCutoffs cutoffs = new KeycloakCutoffs(json);

  @Test
  void aLogoutEndsItsSession() {
    var ended =
        user(
            "{\"type\":\"LOGOUT\",\"clientId\":\"agora-app\",\"userId\":\"%s\","
                + "\"sessionId\":\"0MzKG2HwHZeIS8OeTHKwwX6m\","
                + "\"details\":{\"client_auth_method\":\"client-secret\"}}");
    assertThat(ended)
        .contains(
            SessionsEnded.session(
                ACCOUNT, "0MzKG2HwHZeIS8OeTHKwwX6m", AT, SessionsEnded.REASON_LOGOUT));
  }

  @Test
  void aRevokedAccessTokenEndsOnlyItself() {
    var ended =
        user(
            "{\"type\":\"REVOKE_GRANT\",\"clientId\":\"agora-app\",\"userId\":\"%s\","
                + "\"details\":{\"token_id\":\"onrtro:10230c29-2ba3-3727-d334-3da92f4d9732\","
                + "\"client_auth_method\":\"client-secret\"}}");
    assertThat(ended)
        .contains(
            SessionsEnded.token(
                ACCOUNT,
                "onrtro:10230c29-2ba3-3727-d334-3da92f4d9732",
                AT,
                SessionsEnded.REASON_REVOKED));
  }

  @Test
  void aRevokedRefreshTokenEndsItsSession() {
    var ended =
        user(
            "{\"type\":\"REVOKE_GRANT\",\"clientId\":\"agora-app\",\"userId\":\"%s\","
                + "\"sessionId\":\"h2grBxJGNK-v9wj6lqVBe9Wz\","
                + "\"details\":{\"refresh_token_type\":\"Refresh\",\"revoked_client\":\"agora-app\","
                + "\"refresh_token_id\":\"042d397b\"}}");
    assertThat(ended)
        .contains(
            SessionsEnded.session(
                ACCOUNT, "h2grBxJGNK-v9wj6lqVBe9Wz", AT, SessionsEnded.REASON_REVOKED));
  }

  @Test
  void anAppsAccessRemovedWithoutSessionOrTokenEndsEveryEarlierToken() {
    var ended =
        user(
            "{\"type\":\"REVOKE_GRANT\",\"clientId\":\"account-console\",\"userId\":\"%s\","
                + "\"details\":{\"revoked_client\":\"app-1\"}}");
    assertThat(ended).contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_REVOKED));
  }

  @Test
  void failedAttemptsLoginsAndEventsOfNoAccountEndNothing() {
    assertThat(
            user(
                "{\"type\":\"LOGOUT_ERROR\",\"userId\":\"%s\",\"sessionId\":\"s\","
                    + "\"error\":\"invalid_token\"}"))
        .isEmpty();
    assertThat(
            user(
                "{\"type\":\"REVOKE_GRANT\",\"userId\":\"%s\",\"error\":\"invalid_token\","
                    + "\"details\":{\"token_id\":\"t\"}}"))
        .isEmpty();
    assertThat(
            user(
                "{\"type\":\"LOGIN\",\"userId\":\"%s\",\"sessionId\":\"s\","
                    + "\"details\":{\"token_id\":\"t\"}}"))
        .isEmpty();
    assertThat(cutoffs.userEvent(read("{\"type\":\"LOGOUT\",\"time\":1,\"sessionId\":\"s\"}")))
        .isEmpty();
    assertThat(
            cutoffs.userEvent(
                read(
                    "{\"type\":\"LOGOUT\",\"time\":1,\"userId\":\"not-a-uuid\",\"sessionId\":\"s\"}")))
        .isEmpty();
  }

  @Test
  void aPermanentLockoutDisablesTheAccount() {
    assertThat(user("{\"type\":\"USER_DISABLED_BY_PERMANENT_LOCKOUT\",\"userId\":\"%s\"}"))
        .contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_DISABLED));
    assertThat(user("{\"type\":\"USER_DISABLED_BY_TEMPORARY_LOCKOUT\",\"userId\":\"%s\"}"))
        .isEmpty();
  }

  @Test
  void anAdminDisablingTheUserEndsEveryEarlierToken() {
    assertThat(admin("UPDATE", "USER", "users/%s", "{\\\"enabled\\\":false}"))
        .contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_DISABLED));
    assertThat(admin("UPDATE", "USER", "users/%s", "{\\\"enabled\\\":true}")).isEmpty();
    assertThat(admin("UPDATE", "USER", "users/%s", "{\\\"firstName\\\":\\\"x\\\"}")).isEmpty();
    assertThat(admin("UPDATE", "USER", "users/%s", null)).isEmpty();
  }

  @Test
  void anAdminDeletingTheUserOrEndingItsSessionsEndsEveryEarlierToken() {
    assertThat(
            admin(
                "DELETE",
                "USER",
                "users/%s",
                "{\\\"id\\\":\\\"" + USER + "\\\",\\\"username\\\":\\\"probe\\\"}"))
        .contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_DELETED));
    assertThat(admin("ACTION", "USER", "users/%s/logout", null))
        .contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_SESSIONS_CLOSED));
  }

  @Test
  void aRoleTakenAwayEndsEveryEarlierTokenAndARoleGivenDoesNot() {
    String roles = "[{\\\"id\\\":\\\"e0cd\\\",\\\"name\\\":\\\"moderator\\\"}]";
    assertThat(admin("DELETE", "REALM_ROLE_MAPPING", "users/%s/role-mappings/realm", roles))
        .contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_ROLES_CHANGED));
    assertThat(
            admin(
                "DELETE",
                "CLIENT_ROLE_MAPPING",
                "users/%s/role-mappings/clients/5e1c1d4a-8f5c-4d4e-9b1e-7a1f2e3d4c5b",
                roles))
        .contains(SessionsEnded.allBefore(ACCOUNT, AT, SessionsEnded.REASON_ROLES_CHANGED));
    assertThat(admin("CREATE", "REALM_ROLE_MAPPING", "users/%s/role-mappings/realm", roles))
        .isEmpty();
  }

  @Test
  void anAdminsSessionDeletionNamesNoUserAndOtherAdminEventsEndNothing() {
    assertThat(
            cutoffs.adminEvent(
                read(
                    "{\"time\":1,\"operationType\":\"DELETE\",\"resourceType\":\"USER_SESSION\","
                        + "\"resourcePath\":\"sessions/8ocEo7VCJpxVbnj3RbMVT_de\","
                        + "\"representation\":\"{\\\"offline\\\":false}\"}")))
        .isEmpty();
    assertThat(admin("CREATE", "USER", "users/%s", "{\\\"enabled\\\":true}")).isEmpty();
    assertThat(admin("UPDATE", "USER", "users/%s/reset-password-email", null)).isEmpty();
    assertThat(admin("DELETE", "CLIENT", "clients/5e1c1d4a-8f5c-4d4e-9b1e-7a1f2e3d4c5b", null))
        .isEmpty();
  }

  private Optional<SessionsEnded> user(String template) {
    String event = template.formatted(USER);
    return cutoffs.userEvent(read("{\"id\":\"e1\",\"time\":" + TIME + "," + event.substring(1)));
  }

  private Optional<SessionsEnded> admin(
      String operation, String resourceType, String path, String representation) {
    return cutoffs.adminEvent(
        read(
            "{\"id\":\"a1\",\"time\":"
                + TIME
                + ","
                + ADMIN_AUTH
                + ",\"operationType\":\""
                + operation
                + "\",\"resourceType\":\""
                + resourceType
                + "\",\"resourcePath\":\""
                + path.formatted(USER)
                + "\""
                + (representation == null ? "" : ",\"representation\":\"" + representation + "\"")
                + "}"));
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
