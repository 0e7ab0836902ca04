package org.agora.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.timeline.config.TimelineConfig;
import org.agora.timeline.messaging.KafkaClusterId;
import org.agora.timeline.projection.Generations;
import org.junit.jupiter.api.Test;

/**
 * A projection remembers the Kafka cluster it was read from. Started against the same cluster it
 * keeps serving; against another one (a fresh cluster, or one restored from an export, where the
 * stored offsets mean other records) it is dropped and replayed from offset 0 instead of skipping
 * the new log's first records. Runs in a boot of its own, since it replaces the projection.
 */
@QuarkusTest
@TestProfile(LogIdentityTest.OwnBoot.class)
class LogIdentityTest {
  public static class OwnBoot implements QuarkusTestProfile {}

  @Inject Pool pool;
  @Inject TimelineConfig config;
  @Inject KafkaClusterId clusterId;

  @Test
  void theSameLogKeepsTheProjectionAndAnotherOneReplacesIt() {
    AccountId author = new AccountId(UUID.randomUUID());
    var post = PostFeed.publish(author, "projected from this log", Instant.now());
    // NOTE: until this boot's reset has run, the pointer may still name a generation of the
    // previous boot, which the reset drops under the query.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> count("select count(*) from %s.post where id = $1", post.postId().value()) == 1);
    String thisLog = clusterId.current().await().indefinitely();
    assertThat(scalar("select kafka_cluster_id from timeline_log")).isEqualTo(thisLog);
    int before = Integer.parseInt(scalar("select generation::text from timeline_active"));

    boot(thisLog);
    assertThat(scalar("select generation::text from timeline_active")).isEqualTo("" + before);
    assertThat(count("select count(*) from %s.post where id = $1", post.postId().value()))
        .isEqualTo(1);

    pool.query("update timeline_log set kafka_cluster_id = 'another-cluster'")
        .execute()
        .await()
        .indefinitely();
    boot(thisLog);
    assertThat(scalar("select kafka_cluster_id from timeline_log")).isEqualTo(thisLog);
    assertThat(scalar("select count(*)::text from timeline_generation")).isEqualTo("1");
    assertThat(count("select count(*) from %s.applied_offset", null)).isZero();
    assertThat(count("select count(*) from %s.post where id = $1", post.postId().value())).isZero();
  }

  /**
   * What a start of the service does: a fresh set of generations checks the log it reads (as in
   * production: without the tests' reset on start).
   */
  private void boot(String logId) {
    new Generations(pool, keepOnStart(config), () -> Uni.createFrom().item(logId))
        .ready()
        .await()
        .atMost(Duration.ofSeconds(30));
  }

  private static TimelineConfig keepOnStart(TimelineConfig config) {
    return (TimelineConfig)
        Proxy.newProxyInstance(
            TimelineConfig.class.getClassLoader(),
            new Class<?>[] {TimelineConfig.class},
            (proxy, method, args) ->
                method.getName().equals("resetOnStart") ? false : method.invoke(config, args));
  }

  private String scalar(String sql) {
    return pool.query(sql).execute().await().indefinitely().iterator().next().getString(0);
  }

  private long count(String sql, UUID param) {
    String schema =
        Generations.schema(
            Integer.parseInt(scalar("select generation::text from timeline_active")));
    var query = pool.preparedQuery(sql.formatted(schema));
    var rows =
        (param == null ? query.execute() : query.execute(Tuple.of(param))).await().indefinitely();
    return rows.iterator().next().getLong(0);
  }
}
