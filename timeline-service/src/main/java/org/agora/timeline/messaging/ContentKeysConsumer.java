package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.timeline.projection.PostProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the in-memory key ring in step with the compacted key topic; a tombstone also purges the
 * post's row, so a shredded post leaves this service's database too.
 */
@ApplicationScoped
public class ContentKeysConsumer {
  private final KeyTopicReader reader;
  private final PostProjection posts;

  public ContentKeysConsumer(KeyTopicReader reader, PostProjection posts) {
    this.reader = reader;
    this.posts = posts;
  }

  @Incoming("content-keys-in")
  public Uni<Void> consume(Message<byte[]> message) {
    return reader
        .apply(message)
        .map(shredded -> posts.purge(shredded))
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }
}
