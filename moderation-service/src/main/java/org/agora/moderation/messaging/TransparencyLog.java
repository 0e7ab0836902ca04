package org.agora.moderation.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostScreened;
import org.agora.events.reports.ReportEvent;
import org.agora.events.reports.ReportFiled;
import org.agora.moderation.domain.Transparency;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transparency figures from the event log alone: a plain consumer reads {@code
 * moderation.decisions} and {@code moderation.reports} from offset 0 (no group, nothing committed),
 * and keeps what it has read so the next request only reads what is new. Cleared screenings are
 * kept only as publication times, to time later actions on their posts.
 */
@ApplicationScoped
public class TransparencyLog {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  private final String bootstrap;
  private final List<AgoraEvent> events = new ArrayList<>();
  private final Map<PostId, Instant> published = new HashMap<>();
  private KafkaConsumer<String, byte[]> consumer;

  public TransparencyLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    this.bootstrap = bootstrap;
  }

  public synchronized Transparency.Figures figures(Instant from, Instant to) {
    catchUp();
    return Transparency.compute(events, published, from, to);
  }

  private void catchUp() {
    if (consumer == null) {
      var props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
      consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(ModerationDecision.TOPIC, ReportEvent.TOPIC)) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    Instant deadline = Instant.now().plus(CATCH_UP);
    while (!caughtUp(end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the decision log could not be read in " + CATCH_UP);
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        keep(record);
      }
    }
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void keep(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    if (type == null || record.value() == null) {
      return;
    }
    String name = new String(type.value(), StandardCharsets.UTF_8);
    if (!EventCodec.knows(name)) {
      return;
    }
    AgoraEvent event;
    try {
      event = EventCodec.decode(name, record.value());
    } catch (EventCodec.MalformedEventException e) {
      return;
    }
    switch (event) {
      case PostScreened screened when screened.cleared() -> {
        if (screened.publishedAt() != null) {
          published.putIfAbsent(screened.postId(), screened.publishedAt());
        }
      }
      case ReportFiled filed -> events.add(filed);
      case ModerationDecision decision -> events.add(decision);
      default -> {}
    }
  }

  @PreDestroy
  synchronized void close() {
    if (consumer != null) {
      consumer.close();
    }
  }
}
