package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.testing.KeycloakTestRealm;
import org.agora.timeline.HomeTimelineTest.Reader;
import org.agora.timeline.projection.Generations;
import org.agora.timeline.projection.LogEntry;
import org.agora.timeline.projection.ProjectionChecksum;
import org.agora.timeline.projection.Projector;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery and replay: a batch that fails leaves nothing behind, a replayed batch
 * changes nothing, and a rebuild from offset 0 ends with the same checksum.
 */
@QuarkusTest
class ReplayAndRebuildTest {
  @Inject Projector projector;
  @Inject ProjectionChecksum checksum;
  @Inject Generations generations;
  @Inject Pool pool;

  /**
   * The stored positions are read once the write lock is granted: a batch that waited for the lock
   * while another writer stored a position past its records skips them.
   */
  @Test
  void aLiveBatchSkipsWhatAWriterHoldingTheLockAppliedMeanwhile() throws Exception {
    Reader reader = Reader.fresh("lockwait");
    AccountId author = HomeTimelineTest.randomAccount();
    IdentityFeed.register(author, "lockwait_" + author.value().toString().substring(0, 6));
    var post = PostFeed.publish(author, "for followers only", Instant.now());
    HomeTimelineTest.awaitProfile(reader, author, 1);
    String topic = "lockwait-" + UUID.randomUUID();
    int generation = generations.active().await().indefinitely();
    SqlConnection writer = pool.getConnection().await().indefinitely();
    try {
      writer.query("begin").execute().await().indefinitely();
      writer
          .preparedQuery("select pg_advisory_xact_lock($1, $2)")
          .execute(Tuple.of(Generations.WRITE_LOCK, generation))
          .await()
          .indefinitely();
      writer
          .preparedQuery(
              "insert into "
                  + Generations.schema(generation)
                  + ".applied_offset (topic, partition, next_offset) values ($1, 0, 1)")
          .execute(Tuple.of(topic))
          .await()
          .indefinitely();
      var follow =
          new LogEntry(topic, 0, 0, new AccountFollowed(reader.id(), author, Instant.now()));
      CompletableFuture<Void> batch =
          projector.applyLive(List.of(follow)).subscribeAsCompletionStage().toCompletableFuture();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  pool.query(
                              "select count(*) from pg_stat_activity where wait_event = 'advisory'"
                                  + " and datname = current_database()")
                          .execute()
                          .await()
                          .indefinitely()
                          .iterator()
                          .next()
                          .getLong(0)
                      > 0);
      assertThat(batch).isNotDone();
      writer.query("commit").execute().await().indefinitely();
      batch.get(10, TimeUnit.SECONDS);
    } finally {
      writer.close().await().indefinitely();
    }
    // The follow at offset 0 was behind the stored position: not applied, so no post of the
    // author in the reader's home.
    assertThat(HomeTimelineTest.ids(HomeTimelineTest.home(reader)))
        .doesNotContain(post.postId().toString());
  }

  @Test
  void aBatchThatFailsMidwayLeavesNothingAndItsReplayAppliesOnce() {
    Reader reader = Reader.fresh("replay");
    AccountId author = HomeTimelineTest.randomAccount();
    var post = PostFeed.publish(author, "already there", Instant.now());
    HomeTimelineTest.awaitHome(reader);
    // NOTE: positions on a topic of this test alone, so the live streams' positions stay as they
    // are.
    String topic = "replay-" + UUID.randomUUID();
    var follow = new LogEntry(topic, 0, 0, new AccountFollowed(reader.id(), author, Instant.now()));
    PostId bad = PostId.newId(Instant.now());
    var poison =
        new LogEntry(
            topic,
            0,
            1,
            new PostPublished(
                bad,
                author,
                new EncryptedContent("A256GCM", "bm9uY2U=", "Y3Q="),
                "e\u0000n", // PostgreSQL refuses NUL in text: the transaction fails after the
                // follow
                null,
                "public",
                Instant.now(),
                null));

    assertThatThrownBy(() -> projector.applyLive(List.of(follow, poison)).await().indefinitely())
        .isNotNull();
    assertThat(HomeTimelineTest.ids(HomeTimelineTest.home(reader))).isEmpty();

    // Redelivered after the "restart": this time the whole batch applies, once.
    var marker = new LogEntry(topic, 0, 1, null);
    projector.applyLive(List.of(follow, marker)).await().indefinitely();
    HomeTimelineTest.awaitHome(reader, post.postId().toString());
    String before = stableChecksum();

    // The same positions again (a replay from an earlier offset), even carrying other events,
    // change nothing: the projection has applied them already.
    var replayedAsUnfollow =
        new LogEntry(topic, 0, 0, new AccountUnfollowed(reader.id(), author, Instant.now()));
    projector.applyLive(List.of(follow, marker)).await().indefinitely();
    projector.applyLive(List.of(replayedAsUnfollow)).await().indefinitely();
    assertThat(checksum.compute().await().indefinitely().value()).isEqualTo(before);
    HomeTimelineTest.awaitHome(reader, post.postId().toString());

    // Leave the graph as the topics say, so a later rebuild ends where this projection is.
    projector
        .applyLive(
            List.of(
                new LogEntry(
                    topic, 0, 2, new AccountUnfollowed(reader.id(), author, Instant.now()))))
        .await()
        .indefinitely();
    HomeTimelineTest.awaitHome(reader);
  }

  @Test
  void aRebuildReplaysEveryTopicIntoANewGenerationAndEndsWithTheSameChecksum() {
    String admin = KeycloakTestRealm.staffUser("tl_admin", "admin").accessToken();
    Reader reader = Reader.fresh("rebuild");
    AccountId author = HomeTimelineTest.randomAccount();
    AccountId suspended = HomeTimelineTest.randomAccount();
    IdentityFeed.register(author, "rebuilt_" + author.value().toString().substring(0, 6));
    IdentityFeed.displayName(author, "Rebuilt Author");
    IdentityFeed.follow(reader.id(), author);
    IdentityFeed.follow(reader.id(), suspended);
    IdentityFeed.block(suspended, HomeTimelineTest.randomAccount());
    IdentityFeed.suspend(suspended, null);
    Instant now = Instant.now();
    var removed = PostFeed.publish(author, "removed", now.minusSeconds(3));
    PostFeed.publish(suspended, "by a suspended author", now.minusSeconds(2));
    var labeled = PostFeed.publish(author, "labeled", now.minusSeconds(1));
    var kept = PostFeed.publish(author, "kept", now);
    IdentityFeed.label(labeled);
    PostFeed.decide(
        new PostRemoved(UUID.randomUUID(), removed.postId(), "violence", Instant.now()),
        removed.postId());
    HomeTimelineTest.awaitHome(reader, kept.postId().toString(), labeled.postId().toString());
    String before = stableChecksum();
    JsonPath homeBefore = HomeTimelineTest.home(reader).jsonPath();

    int generation = checksum.compute().await().indefinitely().generation();
    given()
        .auth()
        .oauth2(admin)
        .post("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(202)
        .body("state", equalTo("running"))
        .body("startedAt", notNullValue());
    given()
        .auth()
        .oauth2(admin)
        .post("/api/agora/v1/timeline/rebuild")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.startsWith("rebuild: one is already running"));

    AtomicReference<JsonPath> progress = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              progress.set(
                  given()
                      .auth()
                      .oauth2(admin)
                      .get("/api/agora/v1/timeline/rebuild")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath());
              assertThat(progress.get().getString("state")).isEqualTo("switched");
            });
    assertThat(progress.get().getInt("replacedGeneration")).isEqualTo(generation);
    assertThat(progress.get().getInt("generation")).isGreaterThan(generation);
    assertThat(progress.get().getLong("eventsApplied")).isPositive();
    assertThat(progress.get().getLong("lag")).isZero();
    assertThat(progress.get().getDouble("etaSeconds")).isZero();

    var after = checksum.compute().await().indefinitely();
    assertThat(after.generation()).isEqualTo(progress.get().getInt("generation"));
    assertThat(after.value()).isEqualTo(before);
    assertThat(HomeTimelineTest.home(reader).jsonPath().getList("id"))
        .isEqualTo(homeBefore.getList("id"));
    given()
        .auth()
        .oauth2(admin)
        .get("/api/agora/v1/timeline/checksum")
        .then()
        .statusCode(200)
        .body("value", equalTo(before))
        .body("generation", equalTo(after.generation()));

    // The new generation serves live events too.
    var later = PostFeed.publish(author, "after the rebuild", Instant.now());
    HomeTimelineTest.awaitHome(
        reader, later.postId().toString(), kept.postId().toString(), labeled.postId().toString());
  }

  /** The checksum once the consumers have caught up: equal on two reads a second apart. */
  private String stableChecksum() {
    AtomicReference<String> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String now = checksum.compute().await().indefinitely().value();
              boolean stable = Objects.equals(now, last.get());
              last.set(now);
              return stable;
            });
    return last.get();
  }
}
