package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountFollowed;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuild of {@code -Devents} (1,000,000) events, and the raw batched PostgreSQL insert rate in the
 * same run:
 *
 * <ol>
 *   <li>writes a synthetic log onto topics of this run only, with a plain producer: {@code
 *       -Daccounts} (2,000) registrations, {@code -Dfollows} (10,000) follows, and the rest split
 *       between published posts (sealed under keys nobody holds) and their cleared verdicts, so
 *       each post fans out to its author's followers;
 *   <li>inserts as many rows as there are events into a scratch table with the statement shape the
 *       projection uses (one multi-row {@code insert … select from unnest(…)} of {@code -DrawBatch}
 *       (5,000) rows per transaction), and reports rows/s;
 *   <li>starts a second timeline-service (the packaged jar, port {@code -DbenchPort} 8093) on those
 *       topics and on the database {@code agora_timeline_test} (its live channels stay off unless
 *       {@code -Dlive=true}, which first times them projecting the log), then asks it for a rebuild
 *       through {@code POST /api/agora/v1/timeline/rebuild} and times it to the switch.
 * </ol>
 *
 * The figures are printed as {@code RESULT} lines. The Gatling scenario itself only reads the
 * rebuild's final progress once.
 */
public class RebuildSimulation extends Simulation {
  private static final String DEV_KEK = "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYnk=";
  private final int events = Integer.getInteger("events", 1_000_000);
  private final int accounts = Integer.getInteger("accounts", 2_000);
  private final int follows = Integer.getInteger("follows", 10_000);
  private final int rawBatch = Integer.getInteger("rawBatch", 5_000);
  private final int port = Integer.getInteger("benchPort", 8093);
  private final boolean live = Boolean.getBoolean("live");
  private final String run = "bench-rebuild-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> topics = new LinkedHashMap<>();
  private Process timeline;
  private org.agora.testing.TestUser adminUser;
  private String admin;

  {
    for (String stream :
        List.of("posts", "decisions", "accounts", "follows", "content-keys", "account-keys")) {
      topics.put(stream, run + "." + stream);
    }
    System.out.printf(
        "RebuildSimulation: events=%d accounts=%d follows=%d rawBatch=%d run=%s%n",
        events, accounts, follows, rawBatch, run);
    try {
      createTopics();
      generate();
      rawInsertRate();
      startTimeline();
      if (live) {
        awaitLiveProjection();
      }
      rebuild();
    } catch (RuntimeException e) {
      after();
      throw e;
    }
    setUp(
            scenario("rebuild progress")
                .exec(
                    http("rebuild progress")
                        .get("http://127.0.0.1:" + port + "/api/agora/v1/timeline/rebuild")
                        .header("Authorization", "Bearer " + admin)
                        .check(status().is(200)))
                .injectOpen(atOnceUsers(1)))
        .protocols(http.disableWarmUp());
  }

  @Override
  public void after() {
    stopTimeline();
    try (Admin admin = admin()) {
      admin.deleteTopics(topics.values()).all().get();
    } catch (Exception e) {
      System.out.println("topics of " + run + " not deleted: " + e.getMessage());
    }
  }

  private void createTopics() {
    try (Admin admin = admin()) {
      admin
          .createTopics(topics.values().stream().map(t -> new NewTopic(t, 3, (short) 1)).toList())
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("creating " + topics.values(), e);
    }
  }

  private void generate() {
    long start = System.nanoTime();
    var random = new SecureRandom();
    List<AccountId> people = new ArrayList<>(accounts);
    try (var log = new TimelineLog()) {
      for (int i = 0; i < accounts; i++) {
        AccountId id = new AccountId(UUID.randomUUID());
        people.add(id);
        log.send(
            topics.get("accounts"),
            id.toString(),
            new AccountRegistered(id, "bench" + i, AccountRegistered.ACTIVE, Instant.now()));
      }
      Set<String> pairs = new java.util.HashSet<>();
      while (pairs.size() < follows) {
        AccountId a = people.get(ThreadLocalRandom.current().nextInt(accounts));
        AccountId b = people.get(ThreadLocalRandom.current().nextInt(accounts));
        if (!a.equals(b) && pairs.add(a + ">" + b)) {
          log.send(topics.get("follows"), a.toString(), new AccountFollowed(a, b, Instant.now()));
        }
      }
      int posts = (events - accounts - follows) / 2;
      Instant base = Instant.now().minus(Duration.ofDays(30));
      byte[] nonce = new byte[12];
      byte[] text = new byte[120];
      for (int i = 0; i < posts; i++) {
        AccountId author = people.get(ThreadLocalRandom.current().nextInt(accounts));
        Instant at = base.plusMillis(i * 2L);
        PostId id = PostId.newId(at);
        random.nextBytes(nonce);
        random.nextBytes(text);
        var content =
            new EncryptedContent(
                EncryptedContent.AES_256_GCM,
                Base64.getEncoder().encodeToString(nonce),
                Base64.getEncoder().encodeToString(text));
        log.send(
            topics.get("posts"),
            id.toString(),
            new PostPublished(id, author, content, "en", null, "public", at, null));
        log.send(
            topics.get("decisions"),
            id.toString(),
            new PostScreened(
                UUID.randomUUID(), id, PostScreened.CLEARED, 0.0, List.of(), "bench", at, at));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "RESULT generated %d events in %.1f s (%.0f events/s)%n",
        total(), seconds, total() / seconds);
  }

  private long total() {
    return endOffsets().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The raw batched insert rate of this PostgreSQL, with the statement shape of the projection. */
  private void rawInsertRate() {
    String url = "jdbc:postgresql://127.0.0.1:5432/agora_timeline_test";
    try (Connection db = DriverManager.getConnection(url, "agora_timeline", "agora_timeline")) {
      db.setAutoCommit(false);
      try (var s = db.createStatement()) {
        s.execute(
            "create table bench_raw_insert (id uuid primary key, author_id uuid not null,"
                + " published_at timestamptz not null, content_ciphertext text not null)");
      }
      db.commit();
      long start = System.nanoTime();
      var random = ThreadLocalRandom.current();
      int done = 0;
      try (var insert =
          db.prepareStatement(
              "insert into bench_raw_insert select * from unnest(?::uuid[], ?::uuid[],"
                  + " ?::timestamptz[], ?::text[]) on conflict (id) do nothing")) {
        while (done < events) {
          int n = Math.min(rawBatch, events - done);
          UUID[] id = new UUID[n];
          UUID[] author = new UUID[n];
          OffsetDateTime[] at = new OffsetDateTime[n];
          String[] text = new String[n];
          for (int i = 0; i < n; i++) {
            id[i] = UUID.randomUUID();
            author[i] = new UUID(random.nextLong(), random.nextLong());
            at[i] = OffsetDateTime.now(ZoneOffset.UTC);
            text[i] = Long.toHexString(random.nextLong()).repeat(10);
          }
          insert.setArray(1, db.createArrayOf("uuid", id));
          insert.setArray(2, db.createArrayOf("uuid", author));
          insert.setArray(3, db.createArrayOf("timestamptz", at));
          insert.setArray(4, db.createArrayOf("text", text));
          insert.executeUpdate();
          db.commit();
          done += n;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "RESULT raw batched insert: %d rows in %.1f s = %.0f rows/s (%d rows per transaction)%n",
          done, seconds, done / seconds, rawBatch);
      try (var s = db.createStatement()) {
        s.execute("drop table bench_raw_insert");
      }
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("measuring the raw insert rate", e);
    }
  }

  private void startTimeline() {
    Path jar = Path.of("../timeline-service/target/quarkus-app/quarkus-run.jar");
    if (!jar.toFile().exists()) {
      jar = Path.of("timeline-service/target/quarkus-app/quarkus-run.jar");
    }
    List<String> command = new ArrayList<>(List.of("java", "-Xms64m", "-Xmx256m"));
    command.add("-Dagora.timeline.reset-on-start=true");
    command.add("-Dquarkus.http.port=" + port);
    topics.forEach(
        (stream, topic) -> command.add("-Dagora.timeline.topic." + stream + "=" + topic));
    for (String channel : List.of("posts-verdicts-in", "accounts-in", "follows-in")) {
      command.add("-Dmp.messaging.incoming." + channel + ".group.id=" + run);
      // NOTE: without -Dlive the live channels stay off, so the rebuild has the machine alone.
      command.add("-Dmp.messaging.incoming." + channel + ".enabled=" + live);
    }
    command.addAll(List.of("-jar", jar.toString()));
    var builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.putAll(
        Map.of(
            "QUARKUS_HTTP_HOST", "127.0.0.1",
            "KAFKA_BOOTSTRAP_SERVERS", TestStack.kafkaBootstrap(),
            "DB_URL", "postgresql://127.0.0.1:5432/agora_timeline_test",
            "DB_USER", "agora_timeline",
            "DB_PASSWORD", "agora_timeline",
            "OIDC_AUTH_SERVER_URL", TestStack.keycloakUrl() + "/realms/agora",
            "AGORA_CONTENT_KEK", DEV_KEK,
            "AGORA_CONTENT_KEK_ID", "dev-1"));
    // NOTE: the local stack's introspection secret for the agora-api client (infra/local).
    env.put("AGORA_API_CLIENT_SECRET", "local-only-agora-api-secret");
    File logFile = new File("target/rebuild-bench-timeline.log");
    builder.redirectErrorStream(true).redirectOutput(logFile);
    try {
      timeline = builder.start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("starting " + command, e);
    }
    System.out.println("bench timeline-service starting on " + port + ", log in " + logFile);
    adminUser = KeycloakTestRealm.staffUser("bench_rebuild", "admin");
    waitFor(
        Duration.ofSeconds(120),
        "readiness",
        () -> {
          try {
            Http.get("http://127.0.0.1:" + port + "/q/health/ready", null);
            return true;
          } catch (RuntimeException e) {
            return false;
          }
        });
  }

  /**
   * Until the live consumers' committed offsets reach the log end: the live projection's figure.
   */
  private void awaitLiveProjection() {
    long start = System.nanoTime();
    Map<TopicPartition, Long> end = endOffsets();
    waitFor(
        Duration.ofMinutes(15),
        "live projection",
        () -> committed().entrySet().containsAll(end.entrySet()));
    double seconds = (System.nanoTime() - start) / 1e9;
    long n = end.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "RESULT live consumers projected %d events in %.1f s = %.0f events/s (from readiness)%n",
        n, seconds, n / seconds);
  }

  private void rebuild() {
    String base = "http://127.0.0.1:" + port + "/api/agora/v1/timeline/rebuild";
    // NOTE: access tokens live 5 minutes; a fresh one per minute of polling.
    admin = adminUser.accessToken();
    long tokenAt = System.nanoTime();
    Http.post(base, admin, "{}", 202);
    var last =
        new java.util.concurrent.atomic.AtomicReference<com.fasterxml.jackson.databind.JsonNode>();
    waitFor(
        Duration.ofMinutes(15),
        "rebuild",
        () -> {
          var progress = Http.get(base, admin);
          last.set(progress);
          System.out.printf(
              "rebuild %s: %d applied, lag %d, %.0f/s, eta %s s%n",
              progress.get("state").asText(),
              progress.get("eventsApplied").asLong(),
              progress.get("lag").asLong(),
              progress.get("eventsPerSecond").asDouble(),
              progress.get("etaSeconds"));
          if ("failed".equals(progress.get("state").asText())) {
            throw new IllegalStateException("rebuild failed: " + progress);
          }
          return "switched".equals(progress.get("state").asText());
        });
    var p = last.get();
    System.out.printf(
        "RESULT rebuild: %d events in %.1f s = %.0f events/s%n",
        p.get("eventsApplied").asLong(),
        p.get("durationSeconds").asDouble(),
        p.get("eventsPerSecond").asDouble());
  }

  private void waitFor(Duration limit, String what, java.util.function.BooleanSupplier done) {
    Instant deadline = Instant.now().plus(limit);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(what + " not done within " + limit);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Map<TopicPartition, Long> endOffsets() {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (String stream : List.of("posts", "decisions", "accounts", "follows")) {
        for (int p = 0; p < 3; p++) {
          request.put(new TopicPartition(topics.get(stream), p), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> end = new HashMap<>();
      admin.listOffsets(request).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
      return end;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<TopicPartition, Long> committed() {
    try (Admin admin = admin()) {
      Map<TopicPartition, Long> committed = new HashMap<>();
      admin
          .listConsumerGroupOffsets(run)
          .partitionsToOffsetAndMetadata()
          .get()
          .forEach((tp, o) -> committed.put(tp, o == null ? 0 : o.offset()));
      return committed;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void stopTimeline() {
    if (timeline != null && timeline.isAlive()) {
      timeline.destroy();
      try {
        timeline.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    return Admin.create(props);
  }
}
