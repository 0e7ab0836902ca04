package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.agora.timeline.projection.Generations;
import org.agora.timeline.projection.RenderedStatuses;
import org.junit.jupiter.api.Test;

/**
 * The home timeline against the real Kafka and PostgreSQL: fan-out on the cleared verdict, every
 * visibility rule, follow backfill, unfollow and blocks, the hybrid path, duplicate delivery.
 */
@QuarkusTest
class HomeTimelineTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Pool pool;
  @Inject Generations generations;
  @Inject RenderedStatuses rendered;

  record Reader(AccountId id, String token) {
    static Reader fresh(String prefix) {
      TestUser user = KeycloakTestRealm.verifiedUser(prefix);
      return new Reader(IdentityFeed.account(user.id()), user.accessToken());
    }
  }

  @Test
  void ownAndFollowedPostsNewestFirstInPagesWithLinks() {
    Reader reader = Reader.fresh("home");
    AccountId followed = randomAccount();
    AccountId stranger = randomAccount();
    IdentityFeed.register(followed, "followed_" + followed.value().toString().substring(0, 6));
    IdentityFeed.follow(reader.id(), followed);
    awaitFollowers(followed, 1);
    Instant start = Instant.now().minusSeconds(60);
    var p1 = PostFeed.publish(followed, "one", start);
    var p2 = PostFeed.publish(reader.id(), "mine", start.plusSeconds(1));
    PostFeed.publish(stranger, "not followed", start.plusSeconds(2));
    var p3 = PostFeed.publish(followed, "three", start.plusSeconds(3));

    awaitHome(reader, p3.postId().toString(), p2.postId().toString(), p1.postId().toString());
    var first = home(reader, "limit", "2");
    assertThat(first.jsonPath().getList("id"))
        .containsExactly(p3.postId().toString(), p2.postId().toString());
    assertThat(first.jsonPath().getString("[0].account.username")).startsWith("followed_");
    assertThat(first.header("Link"))
        .contains("/api/v1/timelines/home?limit=2&max_id=" + p2.postId() + ">; rel=\"next\"")
        .contains("min_id=" + p3.postId() + ">; rel=\"prev\"");
    assertThat(ids(home(reader, "max_id", p2.postId().toString())))
        .containsExactly(p1.postId().toString());
    assertThat(ids(home(reader, "since_id", p1.postId().toString())))
        .containsExactly(p3.postId().toString(), p2.postId().toString());
    assertThat(ids(home(reader, "min_id", p1.postId().toString(), "limit", "1")))
        .containsExactly(p2.postId().toString());
    assertThat(ids(home(reader, "limit", "400"))).hasSize(3);
  }

  @Test
  void onlyClearedPostsFanOutAndDeletionOrRemovalTakesThemOffEveryHome() {
    Reader one = Reader.fresh("home_a");
    Reader two = Reader.fresh("home_b");
    AccountId author = randomAccount();
    IdentityFeed.follow(one.id(), author);
    IdentityFeed.follow(two.id(), author);
    awaitFollowers(author, 2);
    Instant now = Instant.now();
    var held = PostFeed.publishUnscreened(author, "held", now.minusSeconds(5));
    PostFeed.screen(held, PostScreened.HELD);
    var waiting = PostFeed.publishUnscreened(author, "unscreened", now.minusSeconds(4));
    var deleted = PostFeed.publish(author, "to be deleted", now.minusSeconds(3));
    var removed = PostFeed.publish(author, "to be removed", now.minusSeconds(2));
    var kept = PostFeed.publish(author, "kept", now.minusSeconds(1));
    for (Reader r : List.of(one, two)) {
      awaitHome(
          r, kept.postId().toString(), removed.postId().toString(), deleted.postId().toString());
    }
    assertThat(ids(home(one)))
        .doesNotContain(held.postId().toString(), waiting.postId().toString());

    PostFeed.delete(deleted);
    PostFeed.decide(
        new PostRemoved(UUID.randomUUID(), removed.postId(), "violence", Instant.now()),
        removed.postId());
    for (Reader r : List.of(one, two)) {
      awaitHome(r, kept.postId().toString());
    }
    assertThat(entries(deleted.postId().value())).isZero();
    assertThat(entries(removed.postId().value())).isZero();

    PostFeed.decide(
        new PostRestored(UUID.randomUUID(), removed.postId(), Instant.now()), removed.postId());
    awaitHome(two, kept.postId().toString(), removed.postId().toString());

    // A re-screening that holds a post already fanned out takes it off every home.
    PostFeed.screen(kept, PostScreened.HELD);
    for (Reader r : List.of(one, two)) {
      awaitHome(r, removed.postId().toString());
    }
    assertThat(entries(kept.postId().value())).isZero();
  }

  @Test
  void suspendedAndErasedAuthorsDisappear() {
    Reader reader = Reader.fresh("home_susp");
    AccountId author = randomAccount();
    AccountId erased = randomAccount();
    IdentityFeed.follow(reader.id(), author);
    IdentityFeed.follow(reader.id(), erased);
    awaitFollowers(author, 1);
    awaitFollowers(erased, 1);
    var post =
        PostFeed.publish(author, "by a soon suspended author", Instant.now().minusSeconds(2));
    var gone = PostFeed.publish(erased, "by a soon erased author", Instant.now().minusSeconds(1));
    awaitHome(reader, gone.postId().toString(), post.postId().toString());

    IdentityFeed.suspend(author, null);
    awaitHome(reader, gone.postId().toString());
    IdentityFeed.reinstate(author);
    awaitHome(reader, gone.postId().toString(), post.postId().toString());
    IdentityFeed.suspend(author, Instant.now().minusSeconds(1));
    awaitHome(reader, gone.postId().toString(), post.postId().toString());

    IdentityFeed.erase(erased);
    awaitHome(reader, post.postId().toString());
    given()
        .auth()
        .oauth2(reader.token())
        .get("/api/v1/accounts/" + erased + "/statuses")
        .then()
        .statusCode(404)
        .body("error", equalTo("Record not found"));
    // A replayed post of an erased account is not projected again.
    PostFeed.publish(erased, "after erasure", Instant.now());
    var marker = PostFeed.publish(author, "marker", Instant.now().plusMillis(5));
    awaitHome(reader, marker.postId().toString(), post.postId().toString());
  }

  @Test
  void blocksInEitherDirectionHideAndRemovePosts() {
    Reader reader = Reader.fresh("home_block");
    AccountId blocked = randomAccount();
    AccountId blocker = randomAccount();
    IdentityFeed.follow(reader.id(), blocked);
    IdentityFeed.follow(reader.id(), blocker);
    awaitFollowers(blocked, 1);
    awaitFollowers(blocker, 1);
    var a = PostFeed.publish(blocked, "a", Instant.now().minusSeconds(2));
    var b = PostFeed.publish(blocker, "b", Instant.now().minusSeconds(1));
    awaitHome(reader, b.postId().toString(), a.postId().toString());

    IdentityFeed.block(reader.id(), blocked);
    IdentityFeed.block(blocker, reader.id());
    awaitHome(reader);
    var whileBlocked = PostFeed.publish(blocked, "while blocked", Instant.now());
    var fromBlocker = PostFeed.publish(blocker, "while blocking", Instant.now());
    // Fan-out passes over a home on either side of a block: each post is in its author's alone
    // (one statement writes all of a post's entries, so a missed block would make it 2, never 1).
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(entries(whileBlocked.postId().value())).isEqualTo(1);
              assertThat(entries(fromBlocker.postId().value())).isEqualTo(1);
            });
    given()
        .auth()
        .oauth2(reader.token())
        .get("/api/v1/accounts/" + blocker + "/statuses")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));

    IdentityFeed.unblock(reader.id(), blocked);
    var after = PostFeed.publish(blocked, "after unblock", Instant.now().plusMillis(5));
    awaitHome(reader, after.postId().toString());
  }

  @Test
  void aFollowBackfillsABoundedNumberOfRecentPostsAndAnUnfollowRemovesThem() {
    Reader reader = Reader.fresh("home_backfill");
    AccountId author = randomAccount();
    Instant start = Instant.now().minusSeconds(60);
    PostPublished last = null;
    for (int i = 0; i < 5; i++) {
      last = PostFeed.publish(author, "post " + i, start.plusSeconds(i));
    }
    awaitProfile(reader, author, 5);

    IdentityFeed.follow(reader.id(), author);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(ids(home(reader))).hasSize(3)); // agora.timeline.backfill
    assertThat(ids(home(reader)).get(0)).isEqualTo(last.postId().toString());

    IdentityFeed.unfollow(reader.id(), author);
    awaitHome(reader);
  }

  @Test
  void authorsAboveTheThresholdAreMergedInAtReadTime() {
    Reader reader = Reader.fresh("home_large");
    AccountId large = randomAccount();
    IdentityFeed.follow(reader.id(), large);
    for (int i = 0; i < 3; i++) {
      IdentityFeed.follow(randomAccount(), large);
    }
    awaitFollowers(large, 4);
    var post = PostFeed.publish(large, "to many", Instant.now());

    awaitHome(reader, post.postId().toString());
    // Only the author's own entry was written: the 4 followers read it through the merge.
    assertThat(entries(post.postId().value())).isEqualTo(1);
  }

  @Test
  void sensitiveLabelsAndProfilesAreShown() {
    Reader reader = Reader.fresh("home_label");
    AccountId author = randomAccount();
    IdentityFeed.register(author, "labeled_author");
    IdentityFeed.displayName(author, "Labeled Author");
    IdentityFeed.follow(reader.id(), author);
    awaitFollowers(author, 1);
    var post = PostFeed.publish(author, "graphic", Instant.now());
    awaitHome(reader, post.postId().toString());
    IdentityFeed.label(post);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonPath page = home(reader).jsonPath();
              assertThat(page.getBoolean("[0].sensitive")).isTrue();
              assertThat(page.getString("[0].account.display_name")).isEqualTo("Labeled Author");
              assertThat(page.getString("[0].account.username")).isEqualTo("labeled_author");
            });

    IdentityFeed.unlabel(post);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(home(reader).jsonPath().getBoolean("[0].sensitive")).isFalse());

    IdentityFeed.shredProfile(author);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(home(reader).jsonPath().getString("[0].account.display_name"))
                    .isEqualTo("labeled_author"));
  }

  @Test
  void aStatusIsRenderedOnceAndItsPlaintextLeavesMemoryWithItsKey() {
    Reader reader = Reader.fresh("home_cache");
    Reader other = Reader.fresh("home_cache2");
    AccountId author = randomAccount();
    String suffix = author.value().toString().substring(0, 8);
    IdentityFeed.register(author, "cached_" + suffix);
    IdentityFeed.displayName(author, "Cached Name " + suffix);
    IdentityFeed.follow(reader.id(), author);
    IdentityFeed.follow(other.id(), author);
    awaitFollowers(author, 2);
    String secret = "first words " + suffix;
    var post = PostFeed.publish(author, secret, Instant.now());
    awaitHome(reader, post.postId().toString());
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(home(reader).jsonPath().getString("[0].account.display_name"))
                    .isEqualTo("Cached Name " + suffix));

    var firstPage = home(reader);
    assertThat(firstPage.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
    String first = firstPage.asString();
    assertThat(rendered.holds(post.postId().value())).isTrue();
    assertThat(rendered.holdsText(secret)).isTrue();
    assertThat(home(other).asString())
        .as("another follower gets the same rendering")
        .isEqualTo(first);
    assertThat(first).startsWith("[{\"id\":\"" + post.postId() + "\",\"created_at\":");

    PostFeed.edit(post, "second words " + suffix);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(home(reader).jsonPath().getString("[0].text"))
                    .isEqualTo("second words " + suffix));
    await().atMost(WAIT).until(() -> !rendered.holdsText(secret));

    IdentityFeed.shredProfile(author);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(home(reader).jsonPath().getString("[0].account.display_name"))
                    .isEqualTo("cached_" + suffix));
    await().atMost(WAIT).until(() -> !rendered.holdsText("Cached Name " + suffix));

    PostFeed.shred(post.postId());
    await().atMost(WAIT).until(() -> !rendered.holds(post.postId().value()));
    assertThat(rendered.holdsText("second words " + suffix)).isFalse();
    assertThat(ids(home(reader))).doesNotContain(post.postId().toString());
    assertThat(rendered.holdsText(suffix)).as("nothing of the author remains").isFalse();
  }

  @Test
  void duplicateDeliveryChangesNothing() {
    Reader reader = Reader.fresh("home_dup");
    AccountId author = randomAccount();
    UUID followEvent = UUID.randomUUID();
    IdentityFeed.follow(reader.id(), author, followEvent);
    IdentityFeed.follow(reader.id(), author, followEvent);
    var post = PostFeed.publish(author, "once", Instant.now().minusSeconds(1));
    UUID eventId = UUID.randomUUID();
    PostFeed.send(PostFeed.topic("posts"), post, post.postId(), eventId);
    PostFeed.screen(post, PostScreened.CLEARED);
    var marker = PostFeed.publish(author, "marker", Instant.now());

    awaitHome(reader, marker.postId().toString(), post.postId().toString());
    assertThat(followers(author)).isEqualTo(1);
    assertThat(entries(post.postId().value())).isEqualTo(2);

    IdentityFeed.unfollow(reader.id(), author);
    awaitHome(reader);
    assertThat(followers(author)).isZero();
  }

  @Test
  void badInputIsAnsweredWithTheParameter() {
    Reader reader = Reader.fresh("home_bad");
    given()
        .get("/api/v1/timelines/home")
        .then()
        .statusCode(401)
        .body("error", equalTo("The access token is invalid"));
    given().auth().oauth2("not-a-token").get("/api/v1/timelines/home").then().statusCode(401);
    for (String param : List.of("max_id", "since_id", "min_id")) {
      given()
          .auth()
          .oauth2(reader.token())
          .queryParam(param, "12'; drop table")
          .get("/api/v1/timelines/home")
          .then()
          .statusCode(400)
          .body("error", equalTo(param + ": not a status id"));
    }
    for (String limit : List.of("0", "-3", "ten", "1e3")) {
      given()
          .auth()
          .oauth2(reader.token())
          .queryParam("limit", limit)
          .get("/api/v1/timelines/home")
          .then()
          .statusCode(400)
          .body("error", equalTo("limit: must be a whole number from 1 to 40"));
    }
    given()
        .auth()
        .oauth2(reader.token())
        .get("/api/v1/timelines/home")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  static AccountId randomAccount() {
    return new AccountId(UUID.randomUUID());
  }

  private long entries(UUID post) {
    return count("select count(*) from %s.home_entry where post_id = $1", post);
  }

  private long followers(AccountId account) {
    return count(
        "select coalesce((select n from %s.follower_count where account_id = $1), 0)",
        account.value());
  }

  private void awaitFollowers(AccountId account, int n) {
    await().atMost(WAIT).until(() -> followers(account) >= n);
  }

  private long count(String sql, UUID id) {
    int g = generations.active().await().indefinitely();
    return pool.preparedQuery(sql.formatted(Generations.schema(g)))
        .execute(Tuple.of(id))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  static void awaitHome(Reader reader, String... expected) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(ids(home(reader))).containsExactly(expected));
  }

  static void awaitProfile(Reader reader, AccountId author, int n) {
    // NOTE: an account not projected yet is answered 404, with no list of ids.
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(reader.token())
                        .get("/api/v1/accounts/" + author + "/statuses")
                        .jsonPath()
                        .getList("id")
                        .size()
                    == n);
  }

  static io.restassured.response.Response home(Reader reader, String... params) {
    var request = given().auth().oauth2(reader.token());
    for (int i = 0; i < params.length; i += 2) {
      request.queryParam(params[i], params[i + 1]);
    }
    return request.get("/api/v1/timelines/home").then().statusCode(200).extract().response();
  }

  static List<String> ids(io.restassured.response.Response response) {
    return response.jsonPath().getList("id");
  }
}
