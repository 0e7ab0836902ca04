package org.agora.kit.keys;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.agora.kit.messaging.CloudEventMessages;
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
 * <p>The follow-up is kept in memory: a stop within the delay loses it (the next write to the
 * partition still rolls the segment).
 */
@ApplicationScoped
public class KeyShredder {
  private static final Logger LOG = Logger.getLogger(KeyShredder.class);

  private final Duration rollAfter;

  public KeyShredder(
      @ConfigProperty(name = "agora.keys.roll-after", defaultValue = "PT70S") Duration rollAfter) {
    this.rollAfter = rollAfter;
  }

  /** The tombstone; once the broker has it, the follow-up is scheduled. */
  public Uni<Void> shred(MutinyEmitter<byte[]> keyTopic, String id) {
    return keyTopic
        .sendMessage(CloudEventMessages.tombstone(id))
        .invoke(() -> followUp(keyTopic, id));
  }

  private void followUp(MutinyEmitter<byte[]> keyTopic, String id) {
    Uni.createFrom()
        .voidItem()
        .onItem()
        .delayIt()
        .by(rollAfter)
        .chain(() -> keyTopic.sendMessage(CloudEventMessages.tombstone(id)))
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
