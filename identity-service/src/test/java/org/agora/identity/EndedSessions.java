package org.agora.identity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.agora.events.EventCodec;
import org.agora.events.sessions.SessionEvent;
import org.agora.events.sessions.SessionsEnded;
import org.agora.testing.KafkaTopicProbe;

/**
 * Reads the cut-offs of one account from {@code identity.sessions}. Other tests (and the stack's
 * identity-service, which copies Keycloak's events too) write to the topic, so every read is
 * filtered by account.
 */
public final class EndedSessions {
  public static final Duration WAIT = Duration.ofSeconds(30);

  private EndedSessions() {}

  /** The account's cut-offs that match, waiting until one is there (or the wait is over). */
  public static List<SessionsEnded> of(String accountId, Predicate<SessionsEnded> match) {
    return of(accountId, match, 1, WAIT);
  }

  public static List<SessionsEnded> of(
      String accountId, Predicate<SessionsEnded> match, int expected, Duration wait) {
    return KafkaTopicProbe.records(
            SessionEvent.TOPIC,
            r ->
                accountId.equals(r.key())
                    && SessionsEnded.TYPE.equals(KafkaTopicProbe.header(r, "ce_type"))
                    && match.test(decode(r.value())),
            expected,
            wait)
        .stream()
        .map(r -> decode(r.value()))
        .toList();
  }

  public static Predicate<SessionsEnded> allBefore(String reason) {
    return e -> e.sessionId() == null && e.tokenId() == null && reason.equals(e.reason());
  }

  public static Predicate<SessionsEnded> session(String sessionId, String reason) {
    return e -> sessionId.equals(e.sessionId()) && reason.equals(e.reason());
  }

  public static Predicate<SessionsEnded> token(String tokenId, String reason) {
    return e -> tokenId.equals(e.tokenId()) && reason.equals(e.reason());
  }

  /** Waits until identity refuses {@code token} with 401, as a cut-off makes it. */
  public static void awaitRefused(String token, Duration within) {
    await()
        .atMost(within)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/accounts/verify_credentials")
                    .then()
                    .statusCode(401));
  }

  private static SessionsEnded decode(byte[] value) {
    return (SessionsEnded) EventCodec.decode(SessionsEnded.TYPE, value);
  }
}
