package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agora.events.EventCodec;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostScreened;
import org.agora.testing.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Screening latency: posts published at an open arrival rate through post-service, and for each the
 * time from its publication ({@code publishedAt}) until its {@code PostScreened} verdict is on
 * {@code moderation.decisions} (the record's broker timestamp). A plain consumer, positioned at the
 * end of the topic before the run, collects the verdicts of this run's posts; the percentiles are
 * printed after the run ("screening latency"). Parameters as in {@link PublishSimulation}; the rate
 * defaults to 20 per second.
 */
public class ScreeningLatencySimulation extends Simulation {
  private final BenchSettings settings = BenchSettings.read(20, 20);
  private final Set<String> published = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> latencies = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread collector;

  {
    System.out.printf("ScreeningLatencySimulation: %s%n", settings);
    List<Map<String, Object>> users = BenchUsers.create("bench_screen", settings.users());
    collector = Thread.ofPlatform().name("screening-verdicts").start(this::collect);

    setUp(
            scenario("publish for screening")
                .feed(listFeeder(users).circular())
                .exec(Publishing.publish("publish"))
                .exec(
                    session -> {
                      if (session.contains("postId")) {
                        published.add(session.getString("postId"));
                      }
                      return session;
                    })
                .injectOpen(
                    constantUsersPerSec(settings.rate()).during(settings.durationSeconds())))
        .protocols(Publishing.protocol(settings))
        .assertions(details("publish").failedRequests().percent().lte(settings.maxKoPercent()));
  }

  private void collect() {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(ModerationDecision.TOPIC)
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      while (running.get()) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          var type = record.headers().lastHeader("ce_type");
          if (type == null
              || !PostScreened.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            continue;
          }
          var verdict = EventCodec.decode(PostScreened.class, record.value());
          if (verdict.publishedAt() != null) {
            latencies.putIfAbsent(
                verdict.postId().toString(),
                record.timestamp() - verdict.publishedAt().toEpochMilli());
          }
        }
      }
    }
  }

  @Override
  public void after() {
    try {
      Thread.sleep(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.set(false);
    try {
      collector.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Long> times =
        published.stream().map(latencies::get).filter(t -> t != null).sorted().toList();
    System.out.printf(
        "screening latency (publishedAt → PostScreened on the log): posts=%d verdicts=%d"
            + " missing=%d p50=%d ms p75=%d ms p95=%d ms p99=%d ms max=%d ms%n",
        published.size(),
        times.size(),
        published.size() - times.size(),
        percentile(times, 0.50),
        percentile(times, 0.75),
        percentile(times, 0.95),
        percentile(times, 0.99),
        times.isEmpty() ? -1 : times.getLast());
  }

  static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
