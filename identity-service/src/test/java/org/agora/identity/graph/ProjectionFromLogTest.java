package org.agora.identity.graph;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.testing.KafkaTopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The projection is built from the log alone: events fed straight onto the topics (no API call, no
 * Keycloak user) show up, late or repeated deliveries do not undo newer facts, and a key read from
 * identity.account-keys opens the profile until its tombstone shreds it.
 */
@QuarkusTest
class ProjectionFromLogTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  // The dev/test key-encryption key of application.properties.
  private static final KeyEncryptionKey KEK =
      KeyEncryptionKey.fromBase64("dev-1", "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYnk=");

  @Test
  void followsKeepTheLatestFactAndErasedAccountsStayGone() {
    AccountId a = register("loga");
    AccountId b = register("logb");
    Instant t1 = Instant.now().minusSeconds(10);
    UUID followId = UUID.randomUUID();
    send(RelationshipEvent.TOPIC, a, new AccountFollowed(a, b, t1), followId);
    await().atMost(WAIT).untilAsserted(() -> followers(b, 1));

    send(RelationshipEvent.TOPIC, a, new AccountUnfollowed(a, b, t1.plusSeconds(1)), null);
    await().atMost(WAIT).untilAsserted(() -> followers(b, 0));
    // The old follow delivered again (same event id) changes nothing. A later follow by the same
    // account (same key, so same partition and order) shows when the replay has been applied.
    send(RelationshipEvent.TOPIC, a, new AccountFollowed(a, b, t1), followId);
    AccountId marker = register("logmarker");
    send(RelationshipEvent.TOPIC, a, new AccountFollowed(a, marker, Instant.now()), null);
    await().atMost(WAIT).untilAsserted(() -> followers(marker, 1));
    followers(b, 0);

    send(AccountEvent.TOPIC, b, new AccountErased(b, Instant.now()), null);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> given().get("/api/v1/accounts/" + b).then().statusCode(404));
    // A late AccountRegistered cannot bring it back.
    send(AccountEvent.TOPIC, b, new AccountRegistered(b, "logb_again", "active", t1), null);
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .untilAsserted(() -> given().get("/api/v1/accounts/" + b).then().statusCode(404));
  }

  /**
   * Graph events sent in a burst reach the projection in one poll and are applied in one
   * transaction, still in log order: each pair ends as its last event left it.
   */
  @Test
  void aBurstOfGraphEventsEndsAsItsLastEventPerPairSays() {
    AccountId a = register("bursta");
    AccountId b = register("burstb");
    AccountId c = register("burstc");
    Instant t = Instant.now().minusSeconds(10);
    send(RelationshipEvent.TOPIC, a, new AccountFollowed(a, b, t), null);
    send(RelationshipEvent.TOPIC, a, new AccountFollowed(a, c, t), null);
    send(RelationshipEvent.TOPIC, a, new AccountUnfollowed(a, b, t.plusSeconds(1)), null);
    send(RelationshipEvent.TOPIC, b, new AccountUnfollowed(b, c, t), null);
    send(RelationshipEvent.TOPIC, b, new AccountFollowed(b, c, t.plusSeconds(1)), null);
    send(RelationshipEvent.TOPIC, c, new AccountFollowed(c, a, t), null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              followers(c, 2);
              followers(a, 1);
              followers(b, 0);
            });
  }

  @Test
  void profilesOpenWithTheKeyFromTheKeyTopicUntilItIsShredded() {
    AccountId c = register("logc");
    DataKey key = DataKey.generate();
    var issued = new AccountKeyIssued(c, KEK.id(), KEK.wrap(key));
    send(AccountKeyIssued.TOPIC, c, issued, null);
    var changed =
        new AccountProfileChanged(
            c,
            key.seal("From The Log", c.toString()),
            key.seal("sealed bio", c.toString()),
            Instant.now());
    send(AccountEvent.TOPIC, c, changed, null);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/accounts/" + c)
                    .then()
                    .statusCode(200)
                    .body("display_name", equalTo("From The Log"))
                    .body("note", equalTo("<p>sealed bio</p>")));

    KafkaTopicProbe.send(AccountKeyIssued.TOPIC, c.toString(), null, new HashMap<>());
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/accounts/" + c)
                    .then()
                    .statusCode(200)
                    .body("display_name", equalTo(handleOf(c)))
                    .body("note", equalTo("")));
  }

  private final java.util.Map<AccountId, String> handles = new HashMap<>();

  private AccountId register(String prefix) {
    AccountId id = new AccountId(UUID.randomUUID());
    String handle = prefix + "_" + id.toString().substring(0, 8);
    handles.put(id, handle);
    send(
        AccountEvent.TOPIC,
        id,
        new AccountRegistered(id, handle, AccountRegistered.ACTIVE, Instant.now()),
        null);
    await().atMost(WAIT).untilAsserted(() -> known(id));
    return id;
  }

  private String handleOf(AccountId id) {
    return handles.get(id);
  }

  private static void known(AccountId id) {
    given().get("/api/v1/accounts/" + id).then().statusCode(200);
  }

  private static void followers(AccountId id, int count) {
    given()
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("followers_count", equalTo(count));
  }

  private static void send(String topic, AccountId key, AgoraEvent event, UUID eventId) {
    KafkaTopicProbe.sendEvent(
        topic,
        key.toString(),
        event.type(),
        EventCodec.encode(event),
        eventId == null ? UUID.randomUUID() : eventId);
  }
}
