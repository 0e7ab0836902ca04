package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.agora.events.AccountId;
import org.agora.kit.messaging.StalledConsumersCheck;
import org.agora.timeline.HomeTimelineTest.Reader;
import org.agora.timeline.projection.Generations;
import org.junit.jupiter.api.Test;

/**
 * The projection's database refusing writes holds the posts channel back, with readiness DOWN and
 * the failed tries counted, and the channel goes on by itself, nothing skipped, once the database
 * takes writes again, even after longer than the Kafka connector's default watchdog (60 s) would
 * have let a record wait unacknowledged.
 */
@QuarkusTest
class ProjectionStallTest {
  @Inject Generations generations;
  @Inject Pool pool;

  @Test
  void aDatabaseRefusingWritesHoldsTheChannelBackUntilItTakesThemAgain() throws Exception {
    Reader reader = Reader.fresh("stall");
    AccountId author = HomeTimelineTest.randomAccount();
    IdentityFeed.register(author, "stall_" + author.value().toString().substring(0, 6));
    PostFeed.publish(author, "before the outage", Instant.now());
    HomeTimelineTest.awaitProfile(reader, author, 1);
    assertThat(checks().getString("status")).isEqualTo("UP");
    double failedBefore = failedTries();

    String post = Generations.schema(generations.active().await().indefinitely()) + ".post";
    sql(
        "create or replace function stall_test_refuse() returns trigger language plpgsql as"
            + " $$ begin raise exception 'stall test: the post table refuses writes'; end $$");
    sql(
        "create trigger stall_test_refuse before insert or update on "
            + post
            + " for each row execute function stall_test_refuse()");
    Instant outage = Instant.now();
    try {
      PostFeed.publish(author, "during the outage", Instant.now());
      PostFeed.publish(author, "also during the outage", Instant.now());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonPath checks = checks();
                assertThat(checks.getString("status")).isEqualTo("DOWN");
                assertThat(
                        checks.getString(
                            "checks.find { it.name == '"
                                + StalledConsumersCheck.NAME
                                + "' }.data.'stalled.0'"))
                    .contains("projecting")
                    // NOTE: posts and verdicts share a channel: the batch may start with either.
                    .containsPattern("\\.(posts|decisions)-\\d+@\\d+")
                    .contains("refuses writes");
              });
      assertThat(failedTries()).isGreaterThan(failedBefore);
      assertThat(profileSize(reader, author)).isEqualTo(1);
      Thread.sleep(
          Math.max(
              0, Duration.ofSeconds(70).minus(Duration.between(outage, Instant.now())).toMillis()));
      assertThat(checks().getString("status")).isEqualTo("DOWN");
      assertThat(profileSize(reader, author)).isEqualTo(1);
    } finally {
      sql("drop trigger if exists stall_test_refuse on " + post);
    }

    HomeTimelineTest.awaitProfile(reader, author, 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(checks().getString("status")).isEqualTo("UP"));
  }

  private void sql(String statement) {
    pool.query(statement).execute().await().indefinitely();
  }

  private static JsonPath checks() {
    return given().get("/q/health/ready").then().extract().jsonPath();
  }

  private static int profileSize(Reader reader, AccountId author) {
    return given()
        .auth()
        .oauth2(reader.token())
        .get("/api/v1/accounts/" + author + "/statuses")
        .jsonPath()
        .getList("id")
        .size();
  }

  private static double failedTries() {
    return given()
        .get("/q/metrics")
        .asString()
        .lines()
        .filter(line -> line.startsWith("agora_consumer_failed_tries_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
