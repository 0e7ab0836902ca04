package org.agora.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.relationships.AccountFollowed;
import org.agora.testing.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void close() {
    producer.flush();
    producer.close();
  }
}
