package org.agora.identity.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Profiles on the Mastodon API, against the real Keycloak, Kafka and PostgreSQL. */
@QuarkusTest
class ProfileResourceTest {
  @Test
  void theOwnerSeesCredentialsEditsTheProfileAndEveryoneCanLookItUp() {
    TestUser user = KeycloakTestRealm.verifiedUser("profile");
    String token = user.accessToken();

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/verify_credentials")
        .then()
        .statusCode(200)
        .body("id", equalTo(user.id()))
        .body("username", equalTo(user.username()))
        .body("acct", equalTo(user.username()))
        .body("source.note", equalTo(""))
        .body("source.privacy", equalTo("public"));

    String name = "Zoë " + UUID.randomUUID().toString().substring(0, 8);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"" + name + "\",\"note\":\"line one\\n<b>bold</b>\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200)
        .body("display_name", equalTo(name))
        .body("note", equalTo("<p>line one<br>&lt;b&gt;bold&lt;/b&gt;</p>"))
        .body("source.note", equalTo("line one\n<b>bold</b>"));

    // A form edit changes only the field it names.
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.URLENC)
        .formParam("note", "second bio")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200)
        .body("display_name", equalTo(name))
        .body("source.note", equalTo("second bio"));

    // Mastodon apps often send multipart forms (the same request can carry an avatar).
    given()
        .auth()
        .oauth2(token)
        .multiPart(
            new io.restassured.builder.MultiPartSpecBuilder(name)
                .controlName("display_name")
                .charset(StandardCharsets.UTF_8)
                .build())
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200)
        .body("display_name", equalTo(name))
        .body("source.note", equalTo("second bio"));

    given()
        .queryParam("acct", user.username().toUpperCase())
        .get("/api/v1/accounts/lookup")
        .then()
        .statusCode(200)
        .body("id", equalTo(user.id()))
        .body("display_name", equalTo(name))
        .body("note", equalTo("<p>second bio</p>"));
    given()
        .queryParam("acct", "@" + user.username() + "@localhost")
        .get("/api/v1/accounts/lookup")
        .then()
        .statusCode(200)
        .body("id", equalTo(user.id()));
    given()
        .get("/api/v1/accounts/" + user.id())
        .then()
        .statusCode(200)
        .body("username", equalTo(user.username()))
        .body("display_name", equalTo(name))
        .body("followers_count", equalTo(0));

    // The account was announced once, and its profile travels sealed under its own key.
    var registered =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && AccountRegistered.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            2,
            Duration.ofSeconds(5));
    assertThat(registered).hasSize(1);
    var keys =
        KafkaTopicProbe.records(
            AccountKeyIssued.TOPIC, r -> user.id().equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(keys).hasSize(1);
    var changes =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && AccountProfileChanged.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            3,
            Duration.ofSeconds(20));
    assertThat(changes).hasSize(3);
    for (var record : changes) {
      String raw = new String(record.value(), StandardCharsets.UTF_8);
      assertThat(raw).doesNotContain(name).doesNotContain("second bio").doesNotContain("line one");
      var event =
          (AccountProfileChanged) EventCodec.decode(AccountProfileChanged.TYPE, record.value());
      assertThat(event.displayName()).isNotNull();
    }
  }

  @Test
  void badProfileInputIsRefusedNamingTheFieldAndLimitAndNothingIsWritten() {
    TestUser user = KeycloakTestRealm.verifiedUser("badprofile");
    String token = user.accessToken();
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"" + "x".repeat(31) + "\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(422)
        .body("error", equalTo("display_name: 31 characters, at most 30"));
    // 30 emoji are 60 UTF-16 units but 30 characters: allowed.
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"" + "😀".repeat(30) + "\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200)
        .body("display_name", equalTo("😀".repeat(30)));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.URLENC)
        .formParam("note", "y".repeat(501))
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(422)
        .body("error", equalTo("note: 501 characters, at most 500"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"bell\\u0007\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(422)
        .body("error", containsString("display_name: control character U+0007"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"evil\\u202Egnp.exe\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(422)
        .body("error", containsString("bidirectional override"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\": [\"a\"]}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/verify_credentials")
        .then()
        .statusCode(200)
        .body("display_name", equalTo("😀".repeat(30)))
        .body("source.note", equalTo(""));
  }

  @Test
  void unknownOrMalformedAccountsAreNotFound() {
    given()
        .get("/api/v1/accounts/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    given()
        .get("/api/v1/accounts/12345")
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    given()
        .queryParam("acct", "nobody_" + UUID.randomUUID().toString().substring(0, 8))
        .get("/api/v1/accounts/lookup")
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    given()
        .queryParam("acct", "someone@elsewhere.example")
        .get("/api/v1/accounts/lookup")
        .then()
        .statusCode(404);
    given()
        .get("/api/v1/accounts/lookup")
        .then()
        .statusCode(400)
        .body("error", containsString("acct"));
  }

  @Test
  void onlyTheTokensOwnAccountIsEverEditedAndAnonymousCallersAreRefused() {
    TestUser owner = KeycloakTestRealm.verifiedUser("owner");
    TestUser other = KeycloakTestRealm.verifiedUser("other");
    String ownerToken = owner.accessToken();
    given()
        .auth()
        .oauth2(ownerToken)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"The Owner\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200);

    // The other user's edit lands on the other user's own account, never on the owner's.
    given()
        .auth()
        .oauth2(other.accessToken())
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"Hijacked\",\"id\":\"" + owner.id() + "\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200)
        .body("id", equalTo(other.id()));
    given()
        .get("/api/v1/accounts/" + owner.id())
        .then()
        .statusCode(200)
        .body("display_name", equalTo("The Owner"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"Anon\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(401);
    given().get("/api/v1/accounts/verify_credentials").then().statusCode(401);
    given()
        .auth()
        .oauth2("not-a-token")
        .get("/api/v1/accounts/verify_credentials")
        .then()
        .statusCode(401);

    // An unverified e-mail may read its credentials but not speak through its profile.
    TestUser unverified = KeycloakTestRealm.unverifiedUser("unverified");
    String unverifiedToken;
    try {
      unverifiedToken = unverified.accessToken();
    } catch (IllegalStateException e) {
      return; // the realm refuses unverified logins altogether: nothing more to check here
    }
    given()
        .auth()
        .oauth2(unverifiedToken)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"Unverified\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(403);
  }
}
