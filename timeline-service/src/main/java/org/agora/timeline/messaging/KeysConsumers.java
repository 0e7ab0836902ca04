package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.kit.messaging.ConsumerRetries;
import org.agora.timeline.config.AccountKeys;
import org.agora.timeline.projection.Projector;
import org.agora.timeline.projection.RenderedStatuses;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the in-memory key rings in step with the compacted key topics (read whole at every boot). A
 * post key's tombstone also purges the post's rows; an account key's tombstone drops the sealed
 * profile fields, so a shredded post or profile leaves this service's database too; its rendered
 * statuses leave memory as soon as the key does.
 */
@ApplicationScoped
public class KeysConsumers {
  private final KeyTopicReader postKeys;
  private final KeyTopicReader accountKeys;
  private final Projector projector;
  private final RenderedStatuses rendered;

  public KeysConsumers(
      KeyTopicReader postKeys,
      @AccountKeys KeyTopicReader accountKeys,
      Projector projector,
      RenderedStatuses rendered) {
    this.postKeys = postKeys;
    this.accountKeys = accountKeys;
    this.projector = projector;
    this.rendered = rendered;
  }

  @Incoming("content-keys-in")
  public Uni<Void> postKey(Message<byte[]> message) {
    return postKeys
        .apply(message)
        .map(
            post -> {
              rendered.evictPost(post);
              return ConsumerRetries.untilDone(
                  "purging the rows of shredded post " + post, () -> projector.purgeLive(post));
            })
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  @Incoming("account-keys-in")
  public Uni<Void> accountKey(Message<byte[]> message) {
    return accountKeys
        .apply(message)
        .map(
            account -> {
              rendered.evictAuthors(Set.of(account));
              return ConsumerRetries.untilDone(
                  "forgetting the profile of shredded account " + account,
                  () -> projector.profileShreddedLive(account));
            })
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }
}
