package org.agora.identity.signup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountEmailVerified;
import org.agora.events.accounts.AccountEvent;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.TestStack;
import org.junit.jupiter.api.Test;

/**
 * Verified e-mail before speech: the mail really goes out, the test follows its link, and the token
 * says {@code email_verified} false before and true after; identity learns it from Keycloak's
 * events and appends {@link AccountEmailVerified}.
 */
@QuarkusTest
class EmailVerificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static boolean emailVerifiedClaim(String username, String password) throws Exception {
    String form =
        "grant_type=password&scope=openid&client_id=agora-app&username="
            + KeycloakAdmin.encode(username)
            + "&password="
            + KeycloakAdmin.encode(password);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.keycloakUrl()
                                + "/realms/agora/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = JSON.readTree(response.body()).path("access_token").asText();
    var claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return claims.path("email_verified").asBoolean();
  }

  @Test
  void theMailedLinkVerifiesTheAddressAndTheTokenSaysSo() throws Exception {
    String handle = SignupResourceTest.fresh("verify");
    String email = handle + "@example.test";
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(SignupResourceTest.body(handle, email, SignupResourceTest.PASSWORD))
            .post("/api/agora/v1/identity/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    assertThat(emailVerifiedClaim(handle, SignupResourceTest.PASSWORD)).isFalse();

    var mails = Mailbox.mails(email, 1, Duration.ofSeconds(20));
    assertThat(mails).hasSize(1);
    String page = Mailbox.follow(Mailbox.actionLink(mails.get(0)));
    // Keycloak 26 ends the action with "Your account has been updated."
    assertThat(page).containsAnyOf("has been verified", "has been updated");

    assertThat(emailVerifiedClaim(handle, SignupResourceTest.PASSWORD)).isTrue();

    var verified =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                id.equals(r.key())
                    && AccountEmailVerified.TYPE.equals(KafkaTopicProbe.header(r, "ce_type")),
            1,
            Duration.ofSeconds(30));
    // At least once: another running instance's bridge may copy the same Keycloak event.
    assertThat(verified).isNotEmpty();
    assertThat(EventCodec.decode(AccountEmailVerified.class, verified.get(0).value()).accountId())
        .hasToString(id);
  }
}
