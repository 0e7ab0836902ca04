package org.agora.identity.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** The social graph on the Mastodon API, against the real Keycloak, Kafka and PostgreSQL. */
@QuarkusTest
class GraphResourceTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Test
  void followUnfollowAndRelationshipsAsMastodonShowsThem() {
    TestUser alice = KeycloakTestRealm.verifiedUser("alice");
    TestUser bob = KeycloakTestRealm.verifiedUser("bob");
    String aliceToken = alice.accessToken();
    String bobToken = bob.accessToken();
    enrol(bobToken);

    given()
        .auth()
        .oauth2(aliceToken)
        .post("/api/v1/accounts/" + bob.id() + "/follow")
        .then()
        .statusCode(200)
        .body("id", equalTo(bob.id()))
        .body("following", equalTo(true))
        .body("followed_by", equalTo(false));
    // Following again changes nothing and appends nothing.
    given()
        .auth()
        .oauth2(aliceToken)
        .post("/api/v1/accounts/" + bob.id() + "/follow")
        .then()
        .statusCode(200)
        .body("following", equalTo(true));
    given()
        .auth()
        .oauth2(bobToken)
        .queryParam("id[]", alice.id())
        .queryParam("id[]", "not-an-id")
        .queryParam("id[]", UUID.randomUUID().toString())
        .get("/api/v1/accounts/relationships")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(alice.id()))
        .body("[0].following", equalTo(false))
        .body("[0].followed_by", equalTo(true));
    given()
        .auth()
        .oauth2(bobToken)
        .get("/api/v1/accounts/" + bob.id() + "/followers")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(alice.id()));
    given()
        .get("/api/v1/accounts/" + bob.id())
        .then()
        .statusCode(200)
        .body("followers_count", equalTo(1));
    given()
        .get("/api/v1/accounts/" + alice.id())
        .then()
        .statusCode(200)
        .body("following_count", equalTo(1));

    given()
        .auth()
        .oauth2(aliceToken)
        .post("/api/v1/accounts/" + bob.id() + "/unfollow")
        .then()
        .statusCode(200)
        .body("following", equalTo(false));
    given()
        .auth()
        .oauth2(aliceToken)
        .get("/api/v1/accounts/" + alice.id() + "/following")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));

    var events =
        KafkaTopicProbe.records(
            RelationshipEvent.TOPIC, r -> alice.id().equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(events)
        .extracting(r -> KafkaTopicProbe.header(r, "ce_type"))
        .containsExactly(AccountFollowed.TYPE, AccountUnfollowed.TYPE);
  }

  @Test
  void blockingEndsFollowsBothWaysAndForbidsFollowing() {
    TestUser carol = KeycloakTestRealm.verifiedUser("carol");
    TestUser dave = KeycloakTestRealm.verifiedUser("dave");
    String carolToken = carol.accessToken();
    String daveToken = dave.accessToken();
    enrol(carolToken);
    enrol(daveToken);
    follow(carolToken, dave.id()).then().statusCode(200);
    follow(daveToken, carol.id()).then().statusCode(200);

    given()
        .auth()
        .oauth2(carolToken)
        .post("/api/v1/accounts/" + dave.id() + "/block")
        .then()
        .statusCode(200)
        .body("blocking", equalTo(true))
        .body("following", equalTo(false))
        .body("followed_by", equalTo(false));
    given()
        .auth()
        .oauth2(daveToken)
        .queryParam("id[]", carol.id())
        .get("/api/v1/accounts/relationships")
        .then()
        .body("[0].blocked_by", equalTo(true))
        .body("[0].following", equalTo(false));
    follow(daveToken, carol.id()).then().statusCode(403).body("error", containsString("block"));
    given()
        .auth()
        .oauth2(carolToken)
        .get("/api/v1/blocks")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(dave.id()));

    // Both follows ended by their own unfollow events, each keyed by its follower.
    var carolsEvents =
        KafkaTopicProbe.records(
            RelationshipEvent.TOPIC, r -> carol.id().equals(r.key()), 3, Duration.ofSeconds(20));
    assertThat(carolsEvents)
        .extracting(r -> KafkaTopicProbe.header(r, "ce_type"))
        .containsExactly(AccountFollowed.TYPE, AccountUnfollowed.TYPE, AccountBlocked.TYPE);
    var davesEvents =
        KafkaTopicProbe.records(
            RelationshipEvent.TOPIC, r -> dave.id().equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(davesEvents)
        .extracting(r -> KafkaTopicProbe.header(r, "ce_type"))
        .containsExactly(AccountFollowed.TYPE, AccountUnfollowed.TYPE);

    given()
        .auth()
        .oauth2(carolToken)
        .post("/api/v1/accounts/" + dave.id() + "/unblock")
        .then()
        .statusCode(200)
        .body("blocking", equalTo(false));
    follow(daveToken, carol.id()).then().statusCode(200).body("following", equalTo(true));
  }

  @Test
  void followersArePagedWithLinkHeadersAndLimitsClamped() {
    TestUser star = KeycloakTestRealm.verifiedUser("star");
    enrol(star.accessToken());
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestUser fan = KeycloakTestRealm.verifiedUser("fan");
      follow(fan.accessToken(), star.id()).then().statusCode(200);
      fans.add(fan.id());
    }
    String token = star.accessToken();
    List<String> seen = new ArrayList<>();
    String url = "/api/v1/accounts/" + star.id() + "/followers?limit=2";
    while (url != null) {
      Response page = given().auth().oauth2(token).get(url);
      page.then().statusCode(200);
      List<String> ids = page.jsonPath().getList("id");
      seen.addAll(ids);
      String link = page.header("Link");
      if (ids.isEmpty()) {
        break;
      }
      assertThat(link).contains("rel=\"prev\"").contains("min_id=");
      Matcher next = NEXT.matcher(link);
      assertThat(next.find()).isTrue();
      url = next.group(1).replaceFirst("^https?://[^/]+", "");
      assertThat(seen.size()).isLessThanOrEqualTo(3);
    }
    // Newest first, every fan once.
    assertThat(seen).containsExactlyElementsOf(fans.reversed());

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + star.id() + "/followers?limit=1000")
        .then()
        .statusCode(200)
        .body("$", hasSize(3));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + star.id() + "/followers?limit=0")
        .then()
        .statusCode(400)
        .body("error", containsString("limit"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + star.id() + "/followers?max_id=zzz")
        .then()
        .statusCode(400)
        .body("error", containsString("max_id"));
    given().get("/api/v1/accounts/" + star.id() + "/followers").then().statusCode(401);
    given().get("/api/v1/accounts/" + star.id() + "/following").then().statusCode(401);
    given().get("/api/v1/blocks").then().statusCode(401);
  }

  @Test
  void theDailyFollowLimitIsEnforced() {
    // The test profile allows 5 follows a day (agora.follows.max-per-day).
    TestUser eager = KeycloakTestRealm.verifiedUser("eager");
    String token = eager.accessToken();
    for (int i = 0; i < 5; i++) {
      TestUser target = KeycloakTestRealm.verifiedUser("target");
      enrol(target.accessToken());
      follow(token, target.id()).then().statusCode(200);
    }
    TestUser oneTooMany = KeycloakTestRealm.verifiedUser("target");
    enrol(oneTooMany.accessToken());
    follow(token, oneTooMany.id())
        .then()
        .statusCode(429)
        .body("error", equalTo("Too many follows: at most 5 per account in 24 hours"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + eager.id() + "/following?limit=40")
        .then()
        .body("$", hasSize(5));
  }

  @Test
  void badGraphCommandsAreRefusedAndAnonymousOrUnverifiedCallersToo() {
    TestUser me = KeycloakTestRealm.verifiedUser("self");
    String token = me.accessToken();
    follow(token, me.id())
        .then()
        .statusCode(422)
        .body("error", equalTo("id: you cannot follow yourself"));
    given()
        .auth()
        .oauth2(token)
        .post("/api/v1/accounts/" + me.id() + "/block")
        .then()
        .statusCode(422);
    follow(token, "12345").then().statusCode(404).body("error", equalTo("Record not found"));
    follow(token, UUID.randomUUID().toString()).then().statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/accounts/" + UUID.randomUUID() + "/followers")
        .then()
        .statusCode(404);
    given().post("/api/v1/accounts/" + me.id() + "/follow").then().statusCode(401);
    given().get("/api/v1/accounts/relationships?id[]=" + me.id()).then().statusCode(401);
    var tooMany = given().auth().oauth2(token);
    for (int i = 0; i < 41; i++) {
      tooMany = tooMany.queryParam("id[]", UUID.randomUUID().toString());
    }
    tooMany
        .get("/api/v1/accounts/relationships")
        .then()
        .statusCode(422)
        .body("error", equalTo("id[]: 41 ids, at most 40"));

    TestUser unverified = KeycloakTestRealm.unverifiedUser("quiet");
    String unverifiedToken;
    try {
      unverifiedToken = unverified.accessToken();
    } catch (IllegalStateException e) {
      return; // the realm refuses unverified logins altogether
    }
    follow(unverifiedToken, me.id()).then().statusCode(403).body("error", containsString("e-mail"));
  }

  private static Response follow(String token, String id) {
    return given().auth().oauth2(token).post("/api/v1/accounts/" + id + "/follow");
  }

  private static void enrol(String token) {
    given().auth().oauth2(token).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
  }
}
