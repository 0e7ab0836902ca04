package org.agora.moderation.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.agora.events.posts.ContentKeyIssued;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current end of the content key topic, so the screening gate can tell "this post's key has not
 * been read yet" (wait) from "it was read, and shredded" (nothing to screen).
 */
@ApplicationScoped
public class KeyTopicEnd {
  private final KafkaConsumer<byte[], byte[]> consumer;

  public KeyTopicEnd(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    var config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "moderation-key-topic-end");
    this.consumer = new KafkaConsumer<>(config);
  }

  /** Partition → end offset of the key topic now. Blocking (a metadata round trip). */
  public synchronized Map<Integer, Long> now() {
    var ends = new HashMap<Integer, Long>();
    var partitions =
        consumer.partitionsFor(ContentKeyIssued.TOPIC, Duration.ofSeconds(5)).stream()
            .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer
        .endOffsets(partitions, Duration.ofSeconds(5))
        .forEach((partition, offset) -> ends.put(partition.partition(), offset));
    return ends;
  }

  @PreDestroy
  synchronized void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
