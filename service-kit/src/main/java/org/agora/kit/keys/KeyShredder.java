package org.agora.kit.keys;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agora.kit.messaging.CloudEventMessages;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * <p>The follow-up is kept in memory: a stop within the delay loses it (the next write to the
 * partition still rolls the segment).
 */
@ApplicationScoped
public class KeyShredder {
  private static final Logger LOG = Logger.getLogger(KeyShredder.class);

  private final Duration rollAfter;
  private final AtomicLong shreds = new AtomicLong();
  // "topic/partition" to the number of the last shred written there
  private final Map<String, Long> lastShred = new ConcurrentHashMap<>();

  public KeyShredder(
      @ConfigProperty(name = "agora.keys.roll-after", defaultValue = "PT70S") Duration rollAfter) {
    this.rollAfter = rollAfter;
  }

  /** The tombstone; once the broker has it, the partition's follow-up is (re)scheduled. */
  public Uni<Void> shred(MutinyEmitter<byte[]> keyTopic, String id) {
    var written = new OutgoingMessageMetadata<RecordMetadata>();
    return keyTopic
        .sendMessage(CloudEventMessages.tombstone(id).addMetadata(written))
        .invoke(() -> followUp(keyTopic, id, written.getResult()));
  }

  private void followUp(MutinyEmitter<byte[]> keyTopic, String id, RecordMetadata written) {
    // NOTE: without the broker's answer the partition is unknown: the key is its own partition.
    String partition = written == null ? id : written.topic() + "/" + written.partition();
    long shred = shreds.incrementAndGet();
    lastShred.put(partition, shred);
    Uni.createFrom()
        .voidItem()
        .onItem()
        .delayIt()
        .by(rollAfter)
        .chain(
            () ->
                lastShred.remove(partition, shred)
                    ? keyTopic.sendMessage(CloudEventMessages.tombstone(id))
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
}
