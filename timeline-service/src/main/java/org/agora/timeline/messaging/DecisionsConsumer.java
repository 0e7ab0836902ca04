package org.agora.timeline.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.kit.messaging.IncomingEvents;
import org.agora.timeline.projection.ModerationProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Projects {@code moderation.decisions}: a post reaches timelines on its cleared screening verdict,
 * not on the bare publish event, and leaves them on a removal.
 */
@ApplicationScoped
public class DecisionsConsumer {
  private final ModerationProjection decisions;
  private final Clock clock;
  private final Timer publishToVisible;

  public DecisionsConsumer(ModerationProjection decisions, Clock clock, MeterRegistry registry) {
    this.decisions = decisions;
    this.clock = clock;
    this.publishToVisible =
        Timer.builder("agora.timeline.publish.to.visible")
            .description("From a post's publication to its cleared verdict reaching the timeline")
            .publishPercentileHistogram()
            .register(registry);
  }

  @Incoming("decisions-in")
  public Uni<Void> consume(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            switch (event) {
              case PostScreened screened ->
                  decisions
                      .apply(screened)
                      .invoke(
                          newlyCleared -> {
                            if (newlyCleared && screened.publishedAt() != null) {
                              publishToVisible.record(
                                  Duration.between(screened.publishedAt(), clock.instant()));
                            }
                          })
                      .replaceWithVoid();
              case PostRemoved removed -> decisions.apply(removed);
              case PostRestored restored -> decisions.apply(restored);
              default -> Uni.createFrom().voidItem();
            });
  }
}
