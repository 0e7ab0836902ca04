package org.agora.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.agora.events.EventCodec;
import org.junit.jupiter.api.Test;

class SecurityEventTranslatorTest {
  private final ObjectMapper json = new ObjectMapper();
  private final SecurityEventTranslator translator = new SecurityEventTranslator(json);

  @Test
  void aFailedLoginKeepsNoEmailIpOrTypedUsername() throws Exception {
    var event =
        json.readTree(
            """
            {"id":"d763ea84-10b4-4312-aa46-1c12b375f40a","time":1795992751905,"type":"LOGIN_ERROR",
             "clientId":"agora-app","userId":"84f7250d-87d4-4888-bf41-9b4538f4c9b4",
             "ipAddress":"203.0.113.9","error":"invalid_user_credentials",
             "details":{"auth_method":"openid-connect","grant_type":"password",
                        "username":"someone@example.test","email":"someone@example.test"}}
            """);
    var record = translator.userEvent(event);
    assertThat(record.kind()).isEqualTo("LOGIN_ERROR");
    assertThat(record.accountId().toString()).isEqualTo("84f7250d-87d4-4888-bf41-9b4538f4c9b4");
    assertThat(record.error()).isEqualTo("invalid_user_credentials");
    assertThat(record.detail()).isEqualTo("auth_method=openid-connect, grant_type=password");
    String wire = new String(EventCodec.encode(record), StandardCharsets.UTF_8);
    assertThat(wire).doesNotContain("203.0.113.9").doesNotContain("someone@example.test");
  }

  @Test
  void anAttemptOnNoAccountHasNoAccountId() throws Exception {
    var record =
        translator.userEvent(
            json.readTree(
                "{\"id\":\"e1\",\"time\":1,\"type\":\"LOGIN_ERROR\",\"error\":\"user_not_found\"}"));
    assertThat(record.accountId()).isNull();
    assertThat(record.actorId()).isNull();
  }

  @Test
  void aRoleChangeNamesTheRolesButNotTheRepresentationsOtherFields() throws Exception {
    var event =
        json.readTree(
            """
            {"id":"be7d61f7-00b1-44cd-a8e5-845cebcf61dc","time":1795992751808,
             "authDetails":{"realmId":"r","clientId":"f996aa1f-70b6-4dec-bce7-48a5ea3fdba8",
               "userId":"732be0d4-2bd4-477c-a3c9-7487d4ce5640","ipAddress":"203.0.113.9"},
             "operationType":"CREATE","resourceType":"REALM_ROLE_MAPPING",
             "resourcePath":"users/84f7250d-87d4-4888-bf41-9b4538f4c9b4/role-mappings/realm",
             "representation":"[{\\"id\\":\\"x\\",\\"name\\":\\"moderator\\",\\"description\\":\\"d\\"}]"}
            """);
    var record = translator.adminEvent(event);
    assertThat(record.kind()).isEqualTo("ADMIN_REALM_ROLE_MAPPING_CREATE");
    assertThat(record.accountId().toString()).isEqualTo("84f7250d-87d4-4888-bf41-9b4538f4c9b4");
    assertThat(record.actorId().toString()).isEqualTo("732be0d4-2bd4-477c-a3c9-7487d4ce5640");
    assertThat(record.detail())
        .isEqualTo(
            "CREATE REALM_ROLE_MAPPING users/84f7250d-87d4-4888-bf41-9b4538f4c9b4/role-mappings/realm"
                + " roles=moderator");
    assertThat(new String(EventCodec.encode(record), StandardCharsets.UTF_8))
        .doesNotContain("203.0.113.9");
  }

  @Test
  void aCreatedUsersRepresentationWithItsEmailIsNotCopied() throws Exception {
    var event =
        json.readTree(
            """
            {"id":"a1","time":5,"operationType":"CREATE","resourceType":"USER",
             "resourcePath":"users/84f7250d-87d4-4888-bf41-9b4538f4c9b4",
             "representation":"{\\"email\\":\\"someone@example.test\\"}"}
            """);
    assertThat(new String(EventCodec.encode(translator.adminEvent(event)), StandardCharsets.UTF_8))
        .doesNotContain("someone@example.test");
  }

  @Test
  void theCursorSkipsWhatItCopiedWithinTheOverlap() {
    var cursor = new AuditCursor(java.time.Instant.ofEpochSecond(1000));
    cursor.copied("a", java.time.Instant.ofEpochSecond(1001));
    assertThat(cursor.isNew("a")).isFalse();
    assertThat(cursor.isNew("b")).isTrue();
    assertThat(cursor.from()).isEqualTo(java.time.Instant.ofEpochSecond(991));
    cursor.copied("c", java.time.Instant.ofEpochSecond(1100));
    // "a" left the window twice the overlap behind the newest copy.
    assertThat(cursor.isNew("a")).isTrue();
  }
}
