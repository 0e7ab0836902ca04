package org.agora.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.agora.events.AccountId;
import org.agora.events.EventCodec;
import org.agora.events.sessions.SessionEvent;
import org.agora.events.sessions.SessionsEnded;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Tokens are verified here, not at Keycloak, and still end before they expire: identity names the
 * ended ones on {@code identity.sessions} (as a Keycloak logout, a revocation or a suspension makes
 * it do), and this service refuses them as soon as the cut-off arrives.
 */
@QuarkusTest
class SessionCutoffTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTokenOfAnEndedSessionIsRefusedWhileTheOwnersOtherLoginStillWorks() throws IOException {
    TestUser user = KeycloakTestRealm.verifiedUser("logout");
    String ended = user.accessToken();
    String other = user.accessToken();
    upload(ended).then().statusCode(200);

    logOut(account(ended), ended);

    awaitRefused(ended);
    upload(other).then().statusCode(200);
  }

  @Test
  void anAccountWideCutOffEndsEveryEarlierTokenButNotALaterLogin() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("suspended");
    String first = user.accessToken();
    String second = user.accessToken();
    upload(first).then().statusCode(200);

    cutOff(SessionsEnded.allBefore(account(first), Instant.now(), SessionsEnded.REASON_SUSPENDED));

    awaitRefused(first);
    upload(second)
        .then()
        .statusCode(401)
        .body("error", org.hamcrest.Matchers.equalTo("The access token is invalid"));
    // NOTE: iat counts whole seconds and a token of the cut-off's own second is refused too.
    Thread.sleep(1100);
    upload(user.accessToken()).then().statusCode(200);
  }

  @Test
  void aCutOffForAnotherAccountsSessionIdChangesNothing() throws IOException {
    TestUser user = KeycloakTestRealm.verifiedUser("bystander");
    String token = user.accessToken();
    TestUser stranger = KeycloakTestRealm.verifiedUser("stranger");
    String marker = stranger.accessToken();

    // NOTE: the bystander's session id, named under the stranger's account.
    logOut(account(marker), token);
    logOut(account(marker), marker);

    awaitRefused(marker);
    upload(token).then().statusCode(200);
  }

  @Test
  void aTokenWithAnAlteredPayloadIsRefusedLocally() throws IOException {
    TestUser user = KeycloakTestRealm.verifiedUser("forger");
    TestUser victim = KeycloakTestRealm.verifiedUser("victim");
    String token = user.accessToken();
    String[] parts = token.split("\\.");
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace(user.id(), victim.id())
                    .getBytes(StandardCharsets.UTF_8));

    upload(token).then().statusCode(200);
    // NOTE: the genuine token is now in the verified-token cache; the forgery is not.
    upload(parts[0] + "." + forgedPayload + "." + parts[2]).then().statusCode(401);
    upload(token).then().statusCode(200);
  }

  @Test
  void aVerifiedTokenIsServedFromTheCacheAndStillEndsWithItsSession() throws IOException {
    TestUser user = KeycloakTestRealm.verifiedUser("cached");
    String token = user.accessToken();
    upload(token).then().statusCode(200);
    double hits = cacheHits();
    upload(token).then().statusCode(200);
    upload(token).then().statusCode(200);
    assertThat(cacheHits()).isGreaterThanOrEqualTo(hits + 2);

    logOut(account(token), token);
    awaitRefused(token);
  }

  /** Appends a logout of the session {@code token} belongs to, named under {@code account}. */
  private static void logOut(AccountId account, String token) throws IOException {
    cutOff(
        SessionsEnded.session(
            account,
            claims(token).path("sid").asText(),
            Instant.now(),
            SessionsEnded.REASON_LOGOUT));
  }

  private static void awaitRefused(String token) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> upload(token).then().statusCode(401));
  }

  private static double cacheHits() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith("agora_tokens_cache_lookups_total{") && l.contains("\"hit\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static void cutOff(SessionsEnded ended) {
    KafkaTopicProbe.sendEvent(
        SessionEvent.TOPIC,
        ended.accountId().value().toString(),
        ended.type(),
        EventCodec.encode(ended));
  }

  private static AccountId account(String token) throws IOException {
    return AccountId.parse(claims(token).path("sub").asText());
  }

  private static JsonNode claims(String token) throws IOException {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static io.restassured.response.Response upload(String token) {
    return given()
        .auth()
        .oauth2(token)
        .multiPart("file", "probe.png", org.agora.post.media.GpsTaggedUploads.png(), "image/png")
        .post("/api/v2/media");
  }
}
