package org.agora.identity.recovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.agora.identity.signup.Mailbox;
import org.agora.kit.auth.Caller;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** A reset only through the mailed link; the answer never tells whether the account exists. */
@QuarkusTest
class PasswordResetTest {
  private static final String RESET = "/api/agora/v1/identity/password-reset";

  private static Response ask(String email) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email))
        .post(RESET)
        .then()
        .extract()
        .response();
  }

  @Test
  void theAnswerIsTheSameWhetherOrNotTheAccountExistsAndOnlyTheOwnerGetsALink() {
    TestUser user = KeycloakTestRealm.verifiedUser("forgetful");
    String nobody = "nobody_" + System.nanoTime() + "@example.test";

    Response known = ask(user.email());
    Response unknown = ask(nobody);

    assertThat(known.statusCode()).isEqualTo(202);
    assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
    assertThat(unknown.body().asString()).isEqualTo(known.body().asString());
    assertThat(unknown.contentType()).isEqualTo(known.contentType());

    var mails = Mailbox.mails(user.email(), 1, Duration.ofSeconds(20));
    assertThat(mails).hasSize(1);
    assertThat(Mailbox.actionLink(mails.get(0))).contains("/login-actions/action-token");
    assertThat(mails.get(0).body()).containsIgnoringCase("Update Password");
    assertThat(Mailbox.mails(nobody, 1, Duration.ofSeconds(3))).isEmpty();
  }

  @Test
  void theMailedLinkLetsTheOwnerChooseANewPasswordUnderThePolicy() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("resetter");
    ask(user.email());
    var mails = Mailbox.mails(user.email(), 1, Duration.ofSeconds(20));
    assertThat(mails).hasSize(1);

    var browser = new Mailbox.Browser();
    String form = browser.follow(Mailbox.actionLink(mails.get(0)));
    assertThat(form).contains("password-new");

    // The deny-list applies to a new password too.
    var weak =
        browser.submit(
            form, Map.of("password-new", "password1234", "password-confirm", "password1234"));
    assertThat(weak.body()).contains("password-new").containsIgnoringCase("not allowed");

    String fresh = "new-Horse-battery-" + System.nanoTime();
    var done =
        browser.submit(weak.body(), Map.of("password-new", fresh, "password-confirm", fresh));
    assertThat(done.statusCode()).isIn(200, 302);

    assertThat(BruteForceTest.login(user.username(), fresh).status()).isEqualTo(200);
    assertThat(BruteForceTest.login(user.username(), user.password()).status()).isEqualTo(400);
  }

  @Test
  void badInputIsRefusedWithoutTellingAnything() {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(RESET)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", equalTo("email: is required"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", "no-at-sign"))
        .post(RESET)
        .then()
        .statusCode(422)
        .body("detail", equalTo("email: is not an e-mail address"));
    given().contentType(ContentType.JSON).body("{\"email\":").post(RESET).then().statusCode(400);
  }

  @Test
  void onlyAnAdminWithASecondFactorMayTriggerAResetMail() {
    TestUser target = KeycloakTestRealm.verifiedUser("target");
    String path = "/api/agora/v1/identity/admin/accounts/" + target.id() + "/password-reset";

    given().post(path).then().statusCode(401);
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("plain").accessToken())
        .post(path)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(KeycloakTestRealm.verifiedUser("adminnootp", "admin").accessToken())
        .post(path)
        .then()
        .statusCode(403)
        .body("detail", equalTo(Caller.SECOND_FACTOR_MESSAGE));
    given()
        .auth()
        .oauth2(KeycloakTestRealm.staffUser("modotp", "moderator").accessToken())
        .post(path)
        .then()
        .statusCode(403);
    assertThat(Mailbox.mails(target.email(), 1, Duration.ofSeconds(2))).isEmpty();

    String admin = KeycloakTestRealm.staffUser("adminotp", "admin").accessToken();
    given()
        .auth()
        .oauth2(admin)
        .post(path)
        .then()
        .statusCode(202)
        .body("message", equalTo(PasswordResetResource.ADMIN_ANSWER));
    assertThat(Mailbox.mails(target.email(), 1, Duration.ofSeconds(20))).hasSize(1);

    given()
        .auth()
        .oauth2(admin)
        .post(
            "/api/agora/v1/identity/admin/accounts/00000000-0000-4000-8000-000000000000/password-reset")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(admin)
        .post("/api/agora/v1/identity/admin/accounts/not-an-id/password-reset")
        .then()
        .statusCode(404);
  }
}
