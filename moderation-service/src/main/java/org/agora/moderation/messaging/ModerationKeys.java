package org.agora.moderation.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.kit.keys.KeyTopicReader;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the in-memory key ring in step with the compacted key topic, so posts can be screened. */
@ApplicationScoped
public class ModerationKeys {
  private final KeyTopicReader reader;

  public ModerationKeys(KeyTopicReader reader) {
    this.reader = reader;
  }

  /** A poll's keys at once: one pass through the messaging stack a poll, not one a key. */
  @Incoming("content-keys-in")
  public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    for (var record : batch.getRecords()) {
      reader.apply(record);
    }
    return Uni.createFrom().completionStage(batch.ack());
  }
}
