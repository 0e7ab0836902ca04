package org.agora.identity.signup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountRegistered;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.testing.KafkaTopicProbe;
import org.junit.jupiter.api.Test;

/** Sign-up on Agora's and Mastodon's paths against the real Keycloak, GreenMail and Kafka. */
@QuarkusTest
class SignupResourceTest {
  static final String PASSWORD = "correct-Horse-battery-9";

  @Inject KeycloakAdmin keycloak;

  static String fresh(String prefix) {
    byte[] bytes = new byte[5];
    ThreadLocalRandom.current().nextBytes(bytes);
    return prefix + "_" + HexFormat.of().formatHex(bytes);
  }

  static Map<String, Object> body(String handle, String email, String password) {
    return Map.of("handle", handle, "email", email, "password", password);
  }

  @Test
  void signUpCreatesTheUserSendsTheVerificationMailAndAppendsAccountRegistered() {
    String handle = fresh("Signup");
    String email = handle.toLowerCase() + "@example.test";

    String id =
        given()
            .contentType(ContentType.JSON)
            .body(body(handle, email, PASSWORD))
            .post("/api/agora/v1/identity/accounts")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/accounts/"))
            .body("handle", equalTo(handle.toLowerCase()))
            .body("email_verified", is(false))
            .body("state", notNullValue())
            .extract()
            .path("id");

    var user = keycloak.user(id).orElseThrow();
    assertThat(user.path("username").asText()).isEqualTo(handle.toLowerCase());
    assertThat(user.path("emailVerified").asBoolean()).isFalse();
    assertThat(user.path("attributes").path(Signup.STATE_ATTRIBUTE).get(0).asText())
        .isIn(AccountRegistered.ACTIVE, AccountRegistered.PENDING_APPROVAL);

    var records =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    assertThat(KafkaTopicProbe.header(records.get(0), "ce_type")).isEqualTo(AccountRegistered.TYPE);
    String payload = new String(records.get(0).value());
    assertThat(payload).doesNotContain(email).doesNotContain(PASSWORD);
    var event = EventCodec.decode(AccountRegistered.class, records.get(0).value());
    assertThat(event.handle()).isEqualTo(handle.toLowerCase());
    assertThat(event.accountId().toString()).isEqualTo(id);
    assertThat(event.state())
        .isEqualTo(user.path("attributes").path(Signup.STATE_ATTRIBUTE).get(0).asText());

    var mails = Mailbox.mails(email, 1, Duration.ofSeconds(20));
    assertThat(mails).hasSize(1);
    assertThat(Mailbox.actionLink(mails.get(0))).contains("/realms/agora/login-actions/");
  }

  @Test
  void handleRulesAreCheckedBeforeAnythingIsCreated() {
    String email = fresh("rules") + "@example.test";
    for (var refusal :
        Map.of(
                "admin",
                "handle: is reserved",
                "ab",
                "handle: 2 characters, must be 3 to 30 characters",
                "no-dashes",
                "handle: only letters a-z, digits 0-9 and _ are allowed",
                "x".repeat(31),
                "handle: 31 characters, must be 3 to 30 characters")
            .entrySet()) {
      given()
          .contentType(ContentType.JSON)
          .body(body(refusal.getKey(), email, PASSWORD))
          .post("/api/agora/v1/identity/accounts")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("status", equalTo(422))
          .body("detail", equalTo(refusal.getValue()));
    }
    assertThat(keycloak.userByEmail(email)).isEmpty();
  }

  @Test
  void weakPasswordsAreRefusedByKeycloaksPolicyNamingTheField() {
    String handle = fresh("weak");
    String email = handle + "@example.test";
    Map<String, String> refusals =
        Map.of(
            "short-pw",
            "password: minimum length 12",
            "password1234",
            "password: is on the list of common passwords, choose another",
            handle,
            "password: must not be equal to the username",
            email,
            "password: must not be equal to the email");
    for (var refusal : refusals.entrySet()) {
      given()
          .contentType(ContentType.JSON)
          .body(body(handle, email, refusal.getKey()))
          .post("/api/agora/v1/identity/accounts")
          .then()
          .statusCode(422)
          .body("detail", equalTo(refusal.getValue()));
    }
    assertThat(keycloak.userByUsername(handle)).isEmpty();
    assertThat(keycloak.userByEmail(email)).isEmpty();
  }

  @Test
  void aTakenHandleInAnyCaseOrATakenEmailIsRefused() {
    String handle = fresh("taken");
    String email = handle + "@example.test";
    given()
        .contentType(ContentType.JSON)
        .body(body(handle, email, PASSWORD))
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(body(handle.toUpperCase(), "other_" + email, PASSWORD))
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(422)
        .body("detail", equalTo("handle: has already been taken"));
    given()
        .contentType(ContentType.JSON)
        .body(body(fresh("other"), email.toUpperCase(), PASSWORD))
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(422)
        .body("detail", equalTo("email: has already been taken"));
    assertThat(keycloak.userByEmail("other_" + email)).isEmpty();
  }

  @Test
  void badBodiesAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"handle\": ")
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"a@b.test\",\"password\":\"" + PASSWORD + "\"}")
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(422)
        .body("detail", equalTo("handle: is required"));
    given()
        .contentType(ContentType.JSON)
        .body(body(fresh("mail"), "not-an-address", PASSWORD))
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(422)
        .body("detail", equalTo("email: is not an e-mail address"));
    given()
        .contentType(ContentType.JSON)
        .body(body(fresh("long"), "l@example.test", "p".repeat(65)))
        .post("/api/agora/v1/identity/accounts")
        .then()
        .statusCode(422)
        .body("detail", equalTo("password: 65 characters, at most 64"));
  }

  @Test
  void mastodonSignUpAnswersATokenForTheNewUser() {
    String username = fresh("masto");
    String token =
        given()
            .contentType(ContentType.URLENC)
            .formParam("username", username)
            .formParam("email", username + "@example.test")
            .formParam("password", PASSWORD)
            .formParam("agreement", "true")
            .formParam("locale", "en")
            .post("/api/v1/accounts")
            .then()
            .statusCode(200)
            .body("token_type", equalTo("Bearer"))
            .body("created_at", notNullValue())
            .extract()
            .path("access_token");
    String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims).contains("\"preferred_username\":\"" + username + "\"");
    assertThat(claims).contains("\"email_verified\":false");
  }

  @Test
  void mastodonSignUpNeedsAgreementAndLocaleAndAnswersMastodonErrors() {
    String username = fresh("mastobad");
    String email = username + "@example.test";
    given()
        .contentType(ContentType.URLENC)
        .formParam("username", username)
        .formParam("email", email)
        .formParam("password", PASSWORD)
        .formParam("locale", "en")
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .contentType(ContentType.JSON)
        .body("error", equalTo("agreement: must be accepted"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "email", email, "password", PASSWORD, "agreement", true))
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .body("error", equalTo("locale: is required"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "username",
                "root",
                "email",
                email,
                "password",
                PASSWORD,
                "agreement",
                true,
                "locale",
                "en"))
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .body("error", equalTo("username: is reserved"));
    assertThat(keycloak.userByEmail(email)).isEmpty();
  }
}
