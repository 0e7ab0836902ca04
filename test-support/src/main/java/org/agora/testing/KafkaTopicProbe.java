package org.agora.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the real Kafka of a test run: what a service appended, and events to feed. */
public final class KafkaTopicProbe {
  private KafkaTopicProbe() {}

  /**
   * Every record of the topic, read from the beginning, that matches; it keeps reading until {@code
   * expected} matches are found or the wait is over.
   */
  public static List<ConsumerRecord<String, byte[]>> records(
      String topic, Predicate<ConsumerRecord<String, byte[]>> match, int expected, Duration wait) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-probe-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(wait);
      while (found.size() < expected && Instant.now().isBefore(deadline)) {
        for (var record : consumer.poll(Duration.ofMillis(250))) {
          if (match.test(record)) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value());
  }

  /**
   * Appends an event as a service would: CloudEvents 1.0 binary-mode headers (a fresh id, source
   * {@code /agora/test}, actor {@code system:test}) around the JSON payload, keyed by its subject.
   */
  public static void sendEvent(String topic, String subject, String type, byte[] payload) {
    sendEvent(topic, subject, type, payload, java.util.UUID.randomUUID());
  }

  public static void sendEvent(
      String topic, String subject, String type, byte[] payload, java.util.UUID eventId) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", eventId.toString());
    headers.put("ce_source", "/agora/test");
    headers.put("ce_type", type);
    headers.put("ce_subject", subject);
    headers.put("ce_time", java.time.Instant.now().toString());
    headers.put("ce_actor", "system:test");
    headers.put("content-type", "application/json");
    send(topic, subject, payload, headers);
  }

  /** Appends one record with the given headers and waits for the broker's acknowledgement. */
  public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
    send(topic, null, key, value, headers);
  }

  /**
   * Appends the records (key to value, in the map's order) to one partition through one producer,
   * and waits until the broker has acknowledged them all.
   */
  public static void sendAll(String topic, int partition, Map<String, byte[]> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      records.forEach(
          (key, value) ->
              sent.add(producer.send(new ProducerRecord<>(topic, partition, key, value))));
      for (var each : sent) {
        each.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("sending " + records.size() + " records to " + topic, e);
    }
  }

  /** As {@link #send(String, String, byte[], Map)}, to the given partition (null: by the key). */
  public static void send(
      String topic, Integer partition, String key, byte[] value, Map<String, String> headers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      var record = new ProducerRecord<>(topic, partition, key, value);
      headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes())));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("sending to " + topic, e);
    }
  }
}
