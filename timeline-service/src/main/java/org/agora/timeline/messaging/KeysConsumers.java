package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.timeline.config.AccountKeys;
import org.agora.timeline.projection.Projector;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the in-memory key rings in step with the compacted key topics (read whole at every boot). A
 * post key's tombstone also purges the post's rows; an account key's tombstone drops the sealed
 * profile fields, so a shredded post or profile leaves this service's database too.
 */
@ApplicationScoped
public class KeysConsumers {
  private final KeyTopicReader postKeys;
  private final KeyTopicReader accountKeys;
  private final Projector projector;

  public KeysConsumers(
      KeyTopicReader postKeys, @AccountKeys KeyTopicReader accountKeys, Projector projector) {
    this.postKeys = postKeys;
    this.accountKeys = accountKeys;
    this.projector = projector;
  }

  @Incoming("content-keys-in")
  public Uni<Void> postKey(Message<byte[]> message) {
    return postKeys
        .apply(message)
        .map(projector::purgeLive)
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  @Incoming("account-keys-in")
  public Uni<Void> accountKey(Message<byte[]> message) {
    return accountKeys
        .apply(message)
        .map(projector::profileShreddedLive)
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }
}
