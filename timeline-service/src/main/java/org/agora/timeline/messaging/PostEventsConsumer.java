package org.agora.timeline.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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
  private final Clock clock;
  private final Timer publishToVisible;

  public PostEventsConsumer(PostProjection posts, Clock clock, MeterRegistry registry) {
    this.posts = posts;
    this.clock = clock;
    this.publishToVisible =
        Timer.builder("agora.timeline.publish.to.visible")
            .description("From a post's event time to its projection commit")
            .publishPercentileHistogram()
            .register(registry);
  }

  @Incoming("posts-in")
  public Uni<Void> consume(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::apply);
  }

  Uni<Void> apply(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case PostPublished published ->
          posts
              .apply(envelope, published)
              .invoke(
                  isNew -> {
                    if (isNew) {
                      publishToVisible.record(
                          Duration.between(published.publishedAt(), clock.instant()));
                    }
                  })
              .replaceWithVoid();
      case PostEdited edited -> posts.apply(edited);
      case PostDeleted deleted -> posts.purge(deleted.postId().value());
      default -> Uni.createFrom().voidItem();
    };
  }
}
