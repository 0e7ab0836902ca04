package org.agora.timeline.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.agora.events.EventCodec;
import org.agora.events.EventEnvelope;
import org.agora.events.posts.PostPublished;
import org.agora.kit.messaging.CloudEventMessages;
import org.agora.timeline.projection.PostProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Projects {@code posts.events}. Records it cannot read are logged and skipped (the log keeps them
 * for a later version); a database failure stops the channel so nothing is skipped silently.
 */
@ApplicationScoped
public class PostEventsConsumer {
  private static final Logger LOG = Logger.getLogger(PostEventsConsumer.class);

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
    var envelope = CloudEventMessages.envelope(message).orElse(null);
    if (envelope == null || message.getPayload() == null) {
      LOG.warnf("skipping a posts.events record without CloudEvents headers or payload");
      return Uni.createFrom().completionStage(message.ack());
    }
    return apply(envelope, message.getPayload())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  Uni<Void> apply(EventEnvelope envelope, byte[] payload) {
    if (!PostPublished.TYPE.equals(envelope.type())) {
      LOG.debugf("ignoring %s %s", envelope.type(), envelope.id());
      return Uni.createFrom().voidItem();
    }
    PostPublished event;
    try {
      event = EventCodec.decode(PostPublished.class, payload);
    } catch (EventCodec.MalformedEventException e) {
      LOG.errorf("skipping malformed event %s: %s", envelope.id(), e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return posts
        .apply(envelope, event)
        .invoke(
            isNew -> {
              if (isNew) {
                publishToVisible.record(Duration.between(event.publishedAt(), clock.instant()));
              }
            })
        .replaceWithVoid();
  }
}
