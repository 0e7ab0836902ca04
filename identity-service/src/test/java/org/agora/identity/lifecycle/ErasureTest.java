package org.agora.identity.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountErasureRequested;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.EndedSessions;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** Erasure of one's own account (GDPR Art. 17) against the real Keycloak and Kafka. */
@QuarkusTest
class ErasureTest {
  private static final String PATH = "/api/agora/v1/identity/account";

  @Test
  void erasureNeedsTheCurrentPasswordAndThenLeavesNothingBehind() {
    TestUser user = KeycloakTestRealm.verifiedUser("leaver");
    TestUser friend = KeycloakTestRealm.verifiedUser("friend");
    String token = user.accessToken();
    String friendToken = friend.accessToken();
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"Soon Gone\",\"note\":\"a bio to shred\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(friendToken)
        .post("/api/v1/accounts/" + user.id() + "/follow")
        .then()
        .statusCode(200);

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{}")
        .delete(PATH)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", equalTo("password: can't be blank"));
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"password\":\"wrong-password-123\"}")
        .delete(PATH)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    given()
        .contentType(ContentType.JSON)
        .body("{\"password\":\"" + user.password() + "\"}")
        .delete(PATH)
        .then()
        .statusCode(401);
    // Another user's token erases only that user's own account, and needs that user's password.
    given()
        .auth()
        .oauth2(friendToken)
        .contentType(ContentType.JSON)
        .body("{\"password\":\"" + user.password() + "\"}")
        .delete(PATH)
        .then()
        .statusCode(403);
    given().get("/api/v1/accounts/" + user.id()).then().statusCode(200);

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"password\":\"" + user.password() + "\"}")
        .delete(PATH)
        .then()
        .statusCode(200)
        .body("account_id", equalTo(user.id()));

    assertThatThrownBy(user::accessToken).isInstanceOf(IllegalStateException.class);
    // The token from before the erasure is cut off through identity.sessions.
    assertThat(EndedSessions.of(user.id(), EndedSessions.allBefore(SessionsEnded.REASON_ERASED)))
        .isNotEmpty();
    EndedSessions.awaitRefused(token, Duration.ofSeconds(10));
    given().get("/api/v1/accounts/" + user.id()).then().statusCode(404);
    given()
        .queryParam("acct", user.username())
        .get("/api/v1/accounts/lookup")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(friendToken)
        .get("/api/v1/accounts/" + friend.id() + "/following")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));

    // The tombstone, and its follow-up after agora.keys.roll-after (2 s here) that rolls the
    // partition's segment.
    var tombstones =
        KafkaTopicProbe.records(
            AccountKeyIssued.TOPIC,
            r -> user.id().equals(r.key()) && r.value() == null,
            2,
            Duration.ofSeconds(20));
    assertThat(tombstones).hasSize(2);
    assertThat(tombstones.get(1).timestamp() - tombstones.get(0).timestamp())
        .isGreaterThanOrEqualTo(2_000);
    var events =
        KafkaTopicProbe.records(
            AccountEvent.TOPIC,
            r ->
                user.id().equals(r.key())
                    && (AccountErased.TYPE.equals(KafkaTopicProbe.header(r, "ce_type"))
                        || AccountErasureRequested.TYPE.equals(
                            KafkaTopicProbe.header(r, "ce_type"))),
            2,
            Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaTopicProbe.header(r, "ce_type"))
        .containsExactly(AccountErasureRequested.TYPE, AccountErased.TYPE);
  }
}
