package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.kit.messaging.IncomingEvents;
import org.agora.timeline.projection.PostProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Projects {@code posts.events}. Records it cannot read are logged and skipped (the log keeps them
 * for a later version); a database failure stops the channel so nothing is skipped silently.
 */
@ApplicationScoped
public class PostEventsConsumer {
  private final PostProjection posts;

  public PostEventsConsumer(PostProjection posts) {
    this.posts = posts;
  }

  @Incoming("posts-in")
  public Uni<Void> consume(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::apply);
  }

  Uni<Void> apply(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case PostPublished published -> posts.apply(envelope, published).replaceWithVoid();
      case PostEdited edited -> posts.apply(edited);
      case PostDeleted deleted -> posts.purge(deleted.postId().value());
      default -> Uni.createFrom().voidItem();
    };
  }
}
