package org.agora.kit.keys;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Shreds a key on a compacted key topic: a tombstone under its id, and once the topic's {@code
 * segment.ms} has passed, a second tombstone under the same id. Kafka rolls a partition's active
 * segment only when something is appended to that partition after {@code segment.ms}, and the
 * cleaner never touches the active segment: without the second write a partition without other
 * traffic would keep the key's record on disk indefinitely. The second tombstone lands in the same
 * partition (same id), so the segment holding the first one rolls and the cleaner removes the key;
 * for every consumer it is the shredding of a key already shredded, which changes nothing.
 *
 * <p>One follow-up a partition suffices: it rolls the segment that holds every tombstone written to
 * that partition before it. So a shred postpones the follow-up pending on its partition and takes
 * it over (the follow-up goes {@code agora.keys.roll-after} after the partition's last tombstone,
 * under that tombstone's id); an erasure that shreds thousands of keys writes one follow-up a
 * partition, not thousands. Postponing cannot starve it: tombstones that keep coming more often
 * than {@code segment.ms} roll the segment themselves.
 *
 * <p>The follow-up is scheduled in memory, and a stop loses it; so at boot {@link #resume} reads
 * what may still be in each partition's active segment, and a partition with a shred's tombstone
 * after its last follow-up (the follow-up carries the header {@value #FOLLOW_UP_HEADER}, a shred
 * does not) gets its follow-up, new keys written after the shred notwithstanding. The active
 * segment spans less than the topic's {@code segment.ms} of record time (a record later than that
 * rolls it), so the read starts at the partition's newest timestamp less {@code segment.ms} and a
 * minute for clock skew between writers: however many keys came after a shred, it is found. A shred
 * older than that window sits in a rolled segment, which the cleaner compacts on its own.
 */
@ApplicationScoped
public class KeyShredder {
  /** Marks a follow-up tombstone, so a boot can tell a shred still waiting for one. */
  public static final String FOLLOW_UP_HEADER = "agora-follow-up";

  private static final Logger LOG = Logger.getLogger(KeyShredder.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  // NOTE: writers' clocks may differ a little; a wider window only reads a few records more.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final Duration rollAfter;
  private final String bootstrap;
  private final AtomicLong shreds = new AtomicLong();
  // "topic/partition" to the number of the last shred written there
  private final Map<String, Long> lastShred = new ConcurrentHashMap<>();

  public KeyShredder(
      @ConfigProperty(name = "agora.keys.roll-after", defaultValue = "PT70S") Duration rollAfter,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    this.rollAfter = rollAfter;
    this.bootstrap = bootstrap;
  }

  /** The tombstone; once the broker has it, the partition's follow-up is (re)scheduled. */
  public Uni<Void> shred(MutinyEmitter<byte[]> keyTopic, String id) {
    var written = new OutgoingMessageMetadata<RecordMetadata>();
    return keyTopic
        .sendMessage(tombstone(id, false).addMetadata(written))
        .invoke(
            () -> {
              RecordMetadata at = written.getResult();
              // NOTE: without the broker's answer the partition is unknown: the key is its own.
              followUp(
                  keyTopic, id, at == null ? id : at.topic() + "/" + at.partition(), rollAfter);
            });
  }

  /**
   * Gives every partition of {@code topic} with a shred's tombstone after its last follow-up its
   * follow-up, {@code agora.keys.roll-after} after the partition's last such tombstone (at once if
   * that has passed); in the background, as a boot must not wait for it. The item is the number of
   * follow-ups scheduled.
   */
  public Uni<Integer> resume(MutinyEmitter<byte[]> keyTopic, String topic) {
    return Uni.createFrom()
        .item(() -> shredsAwaitingFollowUp(topic))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .map(
            awaiting -> {
              for (var record : awaiting) {
                Duration wait =
                    Duration.between(
                        Instant.now(), Instant.ofEpochMilli(record.timestamp()).plus(rollAfter));
                followUp(
                    keyTopic,
                    record.key(),
                    record.topic() + "/" + record.partition(),
                    wait.isNegative() ? Duration.ZERO : wait);
              }
              if (!awaiting.isEmpty()) {
                LOG.infof(
                    "%d follow-up tombstones on %s resumed after a stop", awaiting.size(), topic);
              }
              return awaiting.size();
            })
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "could not look for shreds on %s awaiting their follow-up (%s): their"
                        + " segments roll on the partitions' next writes",
                    topic, e.getMessage()));
  }

  /**
   * The last shred of each partition that no follow-up came after, from the partitions' tails: a
   * follow-up rolls the segment holding every tombstone before it, so only shreds after the last
   * follow-up still need one.
   */
  static List<ConsumerRecord<String, byte[]>> awaitingFollowUp(
      List<ConsumerRecord<String, byte[]>> tail) {
    Map<Integer, ConsumerRecord<String, byte[]>> awaiting = new HashMap<>();
    for (var record : tail) {
      if (record.value() != null || record.key() == null) {
        continue;
      }
      if (record.headers().lastHeader(FOLLOW_UP_HEADER) != null) {
        awaiting.remove(record.partition());
      } else {
        awaiting.put(record.partition(), record);
      }
    }
    return List.copyOf(awaiting.values());
  }

  private void followUp(
      MutinyEmitter<byte[]> keyTopic, String id, String partition, Duration delay) {
    long shred = shreds.incrementAndGet();
    lastShred.put(partition, shred);
    Uni<Void> due = Uni.createFrom().voidItem();
    // NOTE: Mutiny refuses a delay of zero, which a shred older than roll-after gets at a boot.
    if (delay.isPositive()) {
      due = due.onItem().delayIt().by(delay);
    }
    due.chain(
            () ->
                lastShred.remove(partition, shred)
                    ? keyTopic.sendMessage(tombstone(id, true))
                    // a later shred on the partition took the follow-up over
                    : Uni.createFrom().voidItem())
        .subscribe()
        .with(
            done -> {},
            failure ->
                LOG.warnf(
                    "the follow-up tombstone of key %s was not sent (%s): its segment rolls on"
                        + " the partition's next write",
                    id, failure.getMessage()));
  }

  private static Message<byte[]> tombstone(String id, boolean followUp) {
    var headers = new RecordHeaders();
    if (followUp) {
      headers.add(FOLLOW_UP_HEADER, "1".getBytes(StandardCharsets.US_ASCII));
    }
    return Message.<byte[]>of(null)
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder().withKey(id).withHeaders(headers).build());
  }

  /**
   * What {@link #awaitingFollowUp} finds in what may still be the partitions' active segments (see
   * the class comment); blocking.
   */
  private List<ConsumerRecord<String, byte[]>> shredsAwaitingFollowUp(String topic) {
    try (Admin admin = Admin.create(adminSettings());
        var consumer =
            new KafkaConsumer<>(
                settings(), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, READ_TIMEOUT);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
      Map<TopicPartition, Long> wanted = new HashMap<>();
      for (TopicPartition partition : partitions) {
        if (end.get(partition) > begin.get(partition)) {
          wanted.put(partition, end.get(partition));
        }
      }
      if (wanted.isEmpty()) {
        return List.of();
      }
      Map<TopicPartition, Long> from = activeSegmentStarts(admin, topic, wanted.keySet());
      consumer.assign(wanted.keySet());
      wanted.forEach(
          (partition, next) ->
              consumer.seek(
                  partition,
                  Math.max(
                      begin.get(partition), from.getOrDefault(partition, begin.get(partition)))));
      // NOTE: a compacted partition has gaps, so "read" means "position at its end offset".
      List<ConsumerRecord<String, byte[]>> tail = new ArrayList<>();
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (wanted.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
          && Instant.now().isBefore(deadline)) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          var partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < wanted.get(partition)) {
            tail.add(record);
          }
        }
      }
      return awaitingFollowUp(tail);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("reading the key topic " + topic + "'s newest records", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Per partition, the first offset whose record may still be in the active segment: the first at
   * or after {@link #activeSegmentWindowStart} of the partition's newest timestamp.
   */
  private static Map<TopicPartition, Long> activeSegmentStarts(
      Admin admin, String topic, Set<TopicPartition> partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    long segmentMs =
        Long.parseLong(
            answer(admin.describeConfigs(List.of(resource)).all())
                .get(resource)
                .get(TopicConfig.SEGMENT_MS_CONFIG)
                .value());
    Map<TopicPartition, OffsetSpec> newest = new HashMap<>();
    partitions.forEach(p -> newest.put(p, OffsetSpec.maxTimestamp()));
    Map<TopicPartition, OffsetSpec> since = new HashMap<>();
    answer(admin.listOffsets(newest).all())
        .forEach(
            (partition, info) ->
                since.put(
                    partition,
                    OffsetSpec.forTimestamp(
                        activeSegmentWindowStart(info.timestamp(), segmentMs))));
    Map<TopicPartition, Long> starts = new HashMap<>();
    answer(admin.listOffsets(since).all())
        .forEach(
            (partition, info) -> {
              // NOTE: -1 when no record is that recent, which the newest one is: read it all then.
              if (info.offset() >= 0) {
                starts.put(partition, info.offset());
              }
            });
    return starts;
  }

  private static <T> T answer(KafkaFuture<T> request)
      throws ExecutionException, InterruptedException, TimeoutException {
    return request.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The earliest record time that may still be in the active segment of a partition. */
  static long activeSegmentWindowStart(long newestTimestamp, long segmentMs) {
    return Math.max(0, newestTimestamp - segmentMs - CLOCK_SKEW.toMillis());
  }

  private Properties adminSettings() {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "agora-key-shredder-" + UUID.randomUUID());
    return settings;
  }

  private Properties settings() {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "agora-key-shredder-" + UUID.randomUUID());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return settings;
  }
}
