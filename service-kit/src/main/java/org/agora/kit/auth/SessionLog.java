package org.agora.kit.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.agora.events.EventCodec;
import org.agora.events.sessions.SessionEvent;
import org.agora.events.sessions.SessionsEnded;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads {@code identity.sessions} into {@link SessionCutoffs}: from the start, to the end, before
 * the service takes its first request (so a restart cannot forget a logout), then follows it on a
 * thread of its own. Every instance reads every partition; no consumer group, no commits.
 */
@ApplicationScoped
public class SessionLog {
  private static final Logger LOG = Logger.getLogger(SessionLog.class);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  private final SessionCutoffs cutoffs;
  private final String bootstrap;
  private final Duration startTimeout;
  private volatile boolean running = true;
  private KafkaConsumer<String, byte[]> consumer;
  private Thread follower;

  public SessionLog(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      @ConfigProperty(name = "agora.sessions.longest-token-life", defaultValue = "P33D")
          Duration longestTokenLife,
      @ConfigProperty(name = "agora.sessions.start-timeout", defaultValue = "PT60S")
          Duration startTimeout) {
    this.bootstrap = bootstrap;
    this.startTimeout = startTimeout;
    this.cutoffs = new SessionCutoffs(Clock.systemUTC(), longestTokenLife);
  }

  public SessionCutoffs cutoffs() {
    return cutoffs;
  }

  void start(@Observes @Priority(10) StartupEvent startup) {
    consumer = new KafkaConsumer<>(settings());
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Instant deadline = Instant.now().plus(startTimeout);
    while (!caughtUp(end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "could not read " + SessionEvent.TOPIC + " to its end within " + startTimeout);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
    }
    LOG.infof("%d session cut-offs read from %s", cutoffs.size(), SessionEvent.TOPIC);
    follower = Thread.ofPlatform().daemon().name("agora-session-log").start(this::follow);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
  }

  private void follow() {
    Instant pruned = Instant.now();
    try {
      while (running) {
        try {
          consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
        } catch (WakeupException e) {
          break;
        } catch (RuntimeException e) {
          // NOTE: the client reconnects by itself; a failure here must not end the thread, or
          // later logouts would silently stop counting.
          LOG.errorf("reading %s failed, retrying: %s", SessionEvent.TOPIC, e.getMessage());
          sleep();
        }
        if (Instant.now().isAfter(pruned.plus(PRUNE_EVERY))) {
          cutoffs.prune();
          pruned = Instant.now();
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    if (type == null || record.value() == null) {
      return;
    }
    String typeName = new String(type.value(), StandardCharsets.UTF_8);
    if (!SessionsEnded.TYPE.equals(typeName)) {
      return;
    }
    try {
      cutoffs.apply((SessionsEnded) EventCodec.decode(typeName, record.value()));
    } catch (EventCodec.MalformedEventException e) {
      LOG.errorf("skipping a malformed session cut-off at %s: %s", record.offset(), e.getMessage());
    }
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private List<TopicPartition> partitions() {
    Instant deadline = Instant.now().plus(startTimeout);
    while (true) {
      List<PartitionInfo> found =
          consumer.partitionsFor(SessionEvent.TOPIC, Duration.ofSeconds(10));
      if (found != null && !found.isEmpty()) {
        return found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "topic " + SessionEvent.TOPIC + " does not exist (infra/local/topics.conf creates it)");
      }
      sleep();
    }
  }

  private Properties settings() {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "agora-session-log-" + UUID.randomUUID());
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return settings;
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
