package org.agora.moderation.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.kit.keys.KeyTopicReader;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the in-memory key ring in step with the compacted key topic, so posts can be screened. */
@ApplicationScoped
public class ModerationKeys {
  private final KeyTopicReader reader;

  public ModerationKeys(KeyTopicReader reader) {
    this.reader = reader;
  }

  @Incoming("content-keys-in")
  public Uni<Void> consume(Message<byte[]> message) {
    reader.apply(message);
    return Uni.createFrom().completionStage(message.ack());
  }
}
