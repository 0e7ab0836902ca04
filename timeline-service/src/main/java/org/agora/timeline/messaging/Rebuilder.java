package org.agora.timeline.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.agora.timeline.config.TimelineConfig;
import org.agora.timeline.domain.RebuildProgress;
import org.agora.timeline.projection.Generations;
import org.agora.timeline.projection.Projector;
import org.agora.timeline.projection.RenderedStatuses;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the projection from offset 0 into a new generation while the serving one keeps serving:
 * a plain consumer (assigned every partition, no group, nothing committed) replays the projected
 * topics batch by batch, and once it has caught up with the log end, the switch makes the new
 * generation serve, provided it has applied every position the old one had. The old generation is
 * dropped a few seconds later.
 */
@Startup
@ApplicationScoped
public class Rebuilder {
  private static final Logger LOG = Logger.getLogger(Rebuilder.class);

  private final Projector projector;
  private final Generations generations;
  private final RenderedStatuses rendered;
  private final TimelineConfig config;
  private final String bootstrap;
  private final Clock clock;
  private final AtomicReference<RebuildProgress> progress =
      new AtomicReference<>(RebuildProgress.idle());
  private volatile boolean stopping;

  public Rebuilder(
      Projector projector,
      Generations generations,
      RenderedStatuses rendered,
      TimelineConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      Clock clock,
      MeterRegistry registry) {
    this.projector = projector;
    this.generations = generations;
    this.rendered = rendered;
    this.config = config;
    this.bootstrap = bootstrap;
    this.clock = clock;
    Gauge.builder("agora.timeline.rebuild.events.applied", progress, p -> p.get().eventsApplied())
        .description("Records replayed into the generation being rebuilt")
        .register(registry);
    Gauge.builder("agora.timeline.rebuild.lag.records", progress, p -> p.get().lag())
        .description("Records the rebuild still has to read to reach the log end")
        .register(registry);
    Gauge.builder(
            "agora.timeline.rebuild.eta.seconds",
            progress,
            p -> {
              Double eta = p.get().etaSeconds(clock.instant());
              return eta == null ? Double.NaN : eta;
            })
        .description("Time left for the running rebuild at its rate so far")
        .register(registry);
  }

  public RebuildProgress progress() {
    return progress.get();
  }

  public List<String> topics() {
    var t = config.topic();
    return List.of(t.posts(), t.decisions(), t.accounts(), t.follows());
  }

  /** Starts a rebuild unless one is running; returns its progress (running) either way. */
  public synchronized Start start() {
    RebuildProgress current = progress.get();
    if (current.running()) {
      return new Start(false, current);
    }
    RebuildProgress started =
        new RebuildProgress(RebuildProgress.RUNNING, null, null, 0, 0, clock.instant(), null, null);
    progress.set(started);
    Thread.ofPlatform().name("timeline-rebuild").daemon().start(this::run);
    return new Start(true, started);
  }

  public record Start(boolean started, RebuildProgress progress) {}

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  private void run() {
    Instant started = progress.get().startedAt();
    Integer generation = null;
    try {
      generation = generations.create().await().atMost(Duration.ofMinutes(1));
      LOG.infof("rebuilding the projection into generation %d from %s", generation, topics());
      update(generation, null, 0, 0, started, null, RebuildProgress.RUNNING, null);
      Integer replaced = replay(generation, started);
      update(
          generation,
          replaced,
          progress.get().eventsApplied(),
          0,
          started,
          clock.instant(),
          RebuildProgress.SWITCHED,
          null);
      LOG.infof(
          "generation %d serves (replaced %d) after %s",
          generation, replaced, Duration.between(started, clock.instant()));
      Thread.sleep(Duration.ofSeconds(config.rebuild().dropDelaySeconds()));
      generations.drop(replaced).await().atMost(Duration.ofMinutes(5));
    } catch (Exception e) {
      LOG.error("rebuild failed", e);
      RebuildProgress p = progress.get();
      update(
          generation,
          null,
          p.eventsApplied(),
          p.lag(),
          started,
          clock.instant(),
          RebuildProgress.FAILED,
          String.valueOf(e.getMessage()));
      if (generation != null && !RebuildProgress.SWITCHED.equals(p.state())) {
        try {
          generations.drop(generation).await().atMost(Duration.ofMinutes(5));
        } catch (RuntimeException dropFailed) {
          // NOTE: the next boot drops generations left 'building'.
          LOG.warnf("generation %d not dropped: %s", generation, dropFailed.getMessage());
        }
      }
    }
  }

  private Integer replay(int generation, Instant started) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().pollRecords());
    props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics()) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long applied = 0;
      long lastLagCheck = 0;
      long lag = lag(consumer, partitions);
      while (!stopping) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          projector
              .applyTo(generation, LogEntries.of(records))
              .await()
              .atMost(Duration.ofMinutes(5));
          applied += records.count();
          lag = Math.max(0, lag - records.count());
        }
        long now = System.currentTimeMillis();
        if (records.isEmpty() || now - lastLagCheck > 2000) {
          lag = lag(consumer, partitions);
          lastLagCheck = now;
        }
        update(generation, null, applied, lag, started, null, RebuildProgress.RUNNING, null);
        if (lag == 0) {
          Integer replaced =
              generations.switchTo(generation, topics()).await().atMost(Duration.ofMinutes(1));
          if (replaced != null) {
            // NOTE: the new generation holds only what is still in the log; drop what the old
            // one rendered.
            rendered.clear();
            return replaced;
          }
        }
      }
      throw new IllegalStateException("stopped before the rebuild caught up");
    }
  }

  private static long lag(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long lag = 0;
    for (TopicPartition p : partitions) {
      lag += Math.max(0, end.get(p) - consumer.position(p));
    }
    return lag;
  }

  private void update(
      Integer generation,
      Integer replaced,
      long applied,
      long lag,
      Instant started,
      Instant finished,
      String state,
      String error) {
    progress.set(
        new RebuildProgress(state, generation, replaced, applied, lag, started, finished, error));
  }
}
