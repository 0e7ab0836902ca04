package org.agora.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.relationships.AccountFollowed;
import org.agora.testing.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events straight onto Kafka with a plain producer, CloudEvents headers as the services
 * write them: the follow graph of a timeline benchmark (so it does not depend on identity-service
 * being up), and the synthetic logs of the rebuild benchmark.
 */
final class TimelineLog implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  TimelineLog() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  void send(String topic, String subject, AgoraEvent event) {
    var record = new ProducerRecord<>(topic, subject, EventCodec.encode(event));
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", UUID.randomUUID().toString());
    header(record, "ce_source", "/agora/benchmarks");
    header(record, "ce_type", event.type());
    header(record, "ce_subject", subject);
    header(record, "ce_time", Instant.now().toString());
    header(record, "ce_actor", "system:benchmarks");
    header(record, "content-type", "application/json");
    producer.send(
        record,
        (meta, e) -> {
          if (e != null) {
            throw new IllegalStateException("appending to " + topic, e);
          }
        });
  }

  /** Every follower follows every author, on {@code identity.follows}. */
  static void followAll(List<String> followers, List<String> authors) {
    long start = System.nanoTime();
    try (var log = new TimelineLog()) {
      for (String follower : followers) {
        for (String author : authors) {
          log.send(
              "identity.follows",
              follower,
              new AccountFollowed(
                  AccountId.parse(follower), AccountId.parse(author), Instant.now()));
        }
      }
    }
    System.out.printf(
        "%d follows appended in %.1f s%n",
        followers.size() * authors.size(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Waits until every active consumer group reading {@code topic} has committed its end, so that
   * the measured injection does not start while a service is still applying the run's follow graph
   * or a backlog the previous run left.
   */
  static void awaitConsumers(String topic, Duration atMost) {
    long start = System.nanoTime();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    try (Admin admin = Admin.create(props)) {
      Instant deadline = Instant.now().plus(atMost);
      while (true) {
        long behind = behind(admin, topic);
        if (behind == 0) {
          System.out.printf(
              "every consumer group has read %s to its end (%.1f s)%n",
              topic, (System.nanoTime() - start) / 1e9);
          return;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "consumer groups still " + behind + " records behind on " + topic);
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading the consumer groups' positions", e);
    }
  }

  /** Records of {@code topic} not yet committed, summed over the stable groups that read it. */
  private static long behind(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    var groups =
        admin.listConsumerGroups().all().get().stream()
            .filter(g -> g.groupState().map(state -> state == GroupState.STABLE).orElse(false))
            .map(g -> g.groupId())
            .toList();
    long behind = 0;
    Map<TopicPartition, Long> ends = null;
    for (String group : groups) {
      var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      var mine =
          committed.entrySet().stream()
              .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
              .toList();
      if (mine.isEmpty()) {
        continue;
      }
      if (ends == null) {
        ends = endOffsets(admin, topic);
      }
      for (var entry : mine) {
        behind += Math.max(0, ends.getOrDefault(entry.getKey(), 0L) - entry.getValue().offset());
      }
    }
    return behind;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
    return ends;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void close() {
    producer.flush();
    producer.close();
  }
}
