package org.agora.moderation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.EncryptedContent;
import org.agora.events.EventEnvelope;
import org.agora.events.PostId;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.messaging.CloudEventMessages;
import org.agora.kit.messaging.IncomingEvents;
import org.agora.moderation.domain.screening.Category;
import org.agora.moderation.domain.screening.PostScorer;
import org.agora.moderation.domain.screening.Screening;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The screening gate: every published or edited post is opened in memory, scored, and a verdict
 * appended to {@code moderation.decisions}; timelines fan out only on a cleared verdict. It fails
 * closed: when the scorer keeps failing the channel stops (readiness goes down, the alarm), and
 * posts wait unscreened rather than pass unseen.
 */
@ApplicationScoped
public class ScreeningGate {
  public static final String SOURCE = "/agora/moderation-service";
  private static final String ACTOR = EventEnvelope.systemActor("moderation-service");
  private static final Logger LOG = Logger.getLogger(ScreeningGate.class);
  private static final Duration KEY_WAIT = Duration.ofSeconds(10);
  private static final Duration KEY_POLL = Duration.ofMillis(50);

  private final PostScorer scorer;
  private final ContentKeyRing keys;
  private final MutinyEmitter<byte[]> decisions;
  private final Clock clock;
  private final Timer latency;
  private final MeterRegistry registry;
  private final Counter failures;

  public ScreeningGate(
      PostScorer scorer,
      ContentKeyRing keys,
      @Channel("decisions-out") MutinyEmitter<byte[]> decisions,
      Clock clock,
      MeterRegistry registry) {
    this.scorer = scorer;
    this.keys = keys;
    this.decisions = decisions;
    this.clock = clock;
    this.registry = registry;
    this.latency =
        Timer.builder("agora.screening.latency")
            .description("From a post's publication to its screening verdict on the log")
            .publishPercentileHistogram()
            .register(registry);
    this.failures =
        Counter.builder("agora.screening.failures")
            .description("Scorer failures; the gate stops after repeated ones (fail closed)")
            .register(registry);
  }

  @Incoming("posts-in")
  public Uni<Void> consume(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::screen);
  }

  Uni<Void> screen(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case PostPublished published ->
          screen(
              envelope,
              published.postId(),
              published.content(),
              published.language(),
              published.publishedAt());
      case PostEdited edited ->
          screen(envelope, edited.postId(), edited.content(), edited.language(), edited.editedAt());
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> screen(
      EventEnvelope envelope,
      PostId post,
      EncryptedContent content,
      String language,
      Instant publishedAt) {
    // NOTE: the key is appended before the post, but read from another topic; a fresh post may
    // arrive first, so wait briefly. An old post (a replay) waits less: its key was read at boot.
    Duration wait =
        Duration.between(publishedAt, clock.instant()).compareTo(Duration.ofMinutes(2)) < 0
            ? KEY_WAIT
            : Duration.ofSeconds(1);
    return awaitKey(post.value(), Instant.now().plus(wait))
        .chain(
            key -> {
              if (key.isEmpty()) {
                // NOTE: no key after the wait: the post was shredded before it could be screened.
                LOG.debugf("no key for %s; nothing to screen", post);
                return Uni.createFrom().voidItem();
              }
              String text;
              try {
                text = key.get().open(content, post.toString());
              } catch (CryptoException e) {
                LOG.errorf("cannot open %s for screening: %s", post, e.getMessage());
                return Uni.createFrom().voidItem();
              }
              Screening screening = scoreFailingClosed(text, language);
              var verdict = verdict(envelope, post, screening, publishedAt);
              var out =
                  EventEnvelope.of(SOURCE, verdict, post.toString(), verdict.screenedAt(), ACTOR);
              return decisions
                  .sendMessage(CloudEventMessages.toMessage(withId(out, verdict), verdict))
                  .invoke(
                      () -> {
                        latency.record(Duration.between(publishedAt, clock.instant()));
                        registry
                            .counter("agora.screening.verdicts", "verdict", verdict.verdict())
                            .increment();
                      });
            });
  }

  private Screening scoreFailingClosed(String text, String language) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return scorer.score(text, language);
      } catch (RuntimeException e) {
        failures.increment();
        last = e;
      }
    }
    throw new IllegalStateException("the scorer failed three times; screening stops", last);
  }

  private PostScreened verdict(
      EventEnvelope envelope, PostId post, Screening screening, Instant publishedAt) {
    return new PostScreened(
        UUID.nameUUIDFromBytes(("screening:" + envelope.id()).getBytes(StandardCharsets.UTF_8)),
        post,
        screening.held() ? PostScreened.HELD : PostScreened.CLEARED,
        screening.risk(),
        screening.categories().stream().map(Category::id).sorted().toList(),
        screening.scorerVersion(),
        publishedAt,
        clock.instant());
  }

  /** The same decision id as envelope id, so a re-screening after a restart is recognisable. */
  private static EventEnvelope withId(EventEnvelope envelope, PostScreened verdict) {
    return new EventEnvelope(
        verdict.decisionId(),
        envelope.source(),
        envelope.type(),
        envelope.subject(),
        envelope.time(),
        envelope.actor());
  }

  private Uni<Optional<DataKey>> awaitKey(UUID id, Instant deadline) {
    Optional<DataKey> key = keys.find(id);
    if (key.isPresent() || keys.isUnusable(id) || Instant.now().isAfter(deadline)) {
      return Uni.createFrom().item(key);
    }
    return Uni.createFrom()
        .voidItem()
        .onItem()
        .delayIt()
        .by(KEY_POLL)
        .chain(() -> awaitKey(id, deadline));
  }
}
