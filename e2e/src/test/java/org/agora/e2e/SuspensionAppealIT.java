package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A suspended user's redress (DSA Art. 20), only through the gateway: a moderator suspends the
 * user, who can no longer log in but is mailed an appeal capability, reads the statement of reasons
 * and appeals with it; another moderator reverses and the user can log in again.
 */
class SuspensionAppealIT {
  private static final String GREENMAIL_API =
      System.getProperty("AGORA_GREENMAIL_API", "http://127.0.0.1:8025");
  private static final Pattern CAPABILITY = Pattern.compile("Capability: ([A-Za-z0-9_-]{43})");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void gateway() {
    RestAssured.baseURI = TestStack.gatewayUrl();
  }

  @Test
  void aSuspendedUserAppealsWithTheMailedCapabilityAndIsReinstated() {
    TestUser user = KeycloakTestRealm.verifiedUser("e2e_susp_user");
    TestUser moderator = KeycloakTestRealm.staffUser("e2e_susp_mod", "moderator");
    TestUser other = KeycloakTestRealm.staffUser("e2e_susp_mod2", "moderator");
    // identity-service enrols the account on first sight
    as(user).get("/api/v1/accounts/verify_credentials").then().statusCode(200);

    String decision =
        as(moderator)
            .body(
                "{\"action\":\"suspend_account\",\"target\":\""
                    + user.id()
                    + "\",\"category\":\"harassment\",\"groundType\":\"incompatible_with_terms\","
                    + "\"policyClause\":\"terms.harassment\","
                    + "\"facts\":\"Repeated insults in replies.\"}")
            .post("/api/agora/v1/moderation/decisions")
            .then()
            .statusCode(201)
            .extract()
            .path("decisionId");

    await().atMost(Duration.ofSeconds(30)).until(() -> !loginWorks(user));
    String[] capability = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              capability[0] = mailedCapability(user.email(), decision).orElse(null);
              return capability[0] != null;
            });

    given().get("/api/agora/v1/moderation/statements/" + decision).then().statusCode(401);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Agora-Appeal-Capability", capability[0])
                    .get("/api/agora/v1/moderation/statements/" + decision)
                    .then()
                    .statusCode(200)
                    .body("decisionId", equalTo(decision))
                    .body("action", equalTo("suspend_account"))
                    .body("facts", equalTo("Repeated insults in replies.")));

    String appeal =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"decisionId\":\""
                    + decision
                    + "\",\"capability\":\""
                    + capability[0]
                    + "\",\"text\":\"Those replies were written by someone else.\"}")
            .post("/api/agora/v1/moderation/appeals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(other)
                    .body("{\"outcome\":\"reversed\",\"facts\":\"The account was taken over.\"}")
                    .post("/api/agora/v1/moderation/appeals/" + appeal + "/decision")
                    .then()
                    .statusCode(200)
                    .body("outcome", equalTo("reversed")));

    await().atMost(Duration.ofSeconds(30)).until(() -> loginWorks(user));
    as(user).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
  }

  private static RequestSpecification as(TestUser user) {
    return given().auth().oauth2(user.accessToken()).contentType(ContentType.JSON);
  }

  private static boolean loginWorks(TestUser user) {
    try {
      user.accessToken();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** The capability in the suspension notice for this decision, if GreenMail has it yet. */
  private static Optional<String> mailedCapability(String email, String decision)
      throws IOException, InterruptedException {
    HttpResponse<String> mails =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        GREENMAIL_API
                            + "/api/user/"
                            + URLEncoder.encode(email, StandardCharsets.UTF_8)
                            + "/messages"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (mails.statusCode() != 200) {
      return Optional.empty();
    }
    for (JsonNode mail : JSON.readTree(mails.body())) {
      String body =
          mail.path("mimeMessage").asText().replaceAll("=\\r?\\n", "").replace("=3D", "=");
      Matcher matcher = CAPABILITY.matcher(body);
      if (body.contains(decision) && matcher.find()) {
        assertThat(body).contains("/api/agora/v1/moderation/statements/" + decision);
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }
}
