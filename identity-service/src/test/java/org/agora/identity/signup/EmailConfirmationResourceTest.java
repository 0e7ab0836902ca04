package org.agora.identity.signup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Mastodon's "resend the confirmation mail", for unverified callers only. */
@QuarkusTest
class EmailConfirmationResourceTest {
  private static final String PATH = "/api/v1/emails/confirmations";

  @Test
  void anUnverifiedCallerGetsTheLinkAgain() {
    TestUser user = KeycloakTestRealm.unverifiedUser("resend");
    given().auth().oauth2(user.accessToken()).post(PATH).then().statusCode(200);
    var mails = Mailbox.mails(user.email(), 1, Duration.ofSeconds(20));
    assertThat(mails).hasSize(1);
    assertThat(Mailbox.actionLink(mails.get(0))).contains("/login-actions/action-token");
  }

  @Test
  void refusals() {
    given().post(PATH).then().statusCode(401).body("error", equalTo("The access token is invalid"));
    TestUser verified = KeycloakTestRealm.verifiedUser("resendverified");
    given()
        .auth()
        .oauth2(verified.accessToken())
        .post(PATH)
        .then()
        .statusCode(403)
        .body(
            "error",
            equalTo("This method is only available while the e-mail is awaiting confirmation"));
    TestUser unverified = KeycloakTestRealm.unverifiedUser("resendother");
    given()
        .auth()
        .oauth2(unverified.accessToken())
        .formParam("email", "elsewhere@example.test")
        .post(PATH)
        .then()
        .statusCode(422)
        .body(
            "error",
            equalTo("email: changing the address is done in the account console, not here"));
    assertThat(Mailbox.mails(verified.email(), 1, Duration.ofSeconds(2))).isEmpty();
  }
}
