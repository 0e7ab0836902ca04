package org.agora.moderation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
  // NOTE: generous: at boot the whole key topic is replayed before late keys can be found.
  private static final Duration KEY_GIVE_UP = Duration.ofMinutes(10);
  private static final Duration KEY_POLL = Duration.ofMillis(10);
  private static final int POLLS_BEFORE_END = 20;

  private final PostScorer scorer;
  private final ContentKeyRing keys;
  private final KeyTopicEnd keyTopicEnd;
  private final MutinyEmitter<byte[]> decisions;
  private final Clock clock;
  private final Timer latency;
  private final MeterRegistry registry;
  private final Counter failures;
  private final Counter keyWaits;

  public ScreeningGate(
      PostScorer scorer,
      ContentKeyRing keys,
      KeyTopicEnd keyTopicEnd,
      @Channel("decisions-out") MutinyEmitter<byte[]> decisions,
      Clock clock,
      MeterRegistry registry) {
    this.scorer = scorer;
    this.keys = keys;
    this.keyTopicEnd = keyTopicEnd;
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
    this.keyWaits =
        Counter.builder("agora.screening.key.waits")
            .description("Posts that came before their key and waited for it")
            .register(registry);
  }

  /**
   * One poll's posts, screened one after the other in log order; each verdict is handed to the
   * producer as soon as it is made (so verdicts leave in log order) and the batch is acknowledged
   * once the broker has acknowledged them all.
   */
  @Incoming("posts-in")
  public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    List<CompletableFuture<Void>> appended = new ArrayList<>();
    Uni<Void> screened = Uni.createFrom().voidItem();
    for (var message : batch) {
      screened =
          screened.chain(
              () ->
                  IncomingEvents.read(message)
                      .map(decoded -> screen(decoded.envelope(), decoded.event()))
                      .orElse(Uni.createFrom().nullItem())
                      .invoke(
                          append -> {
                            if (append != null) {
                              appended.add(append.subscribeAsCompletionStage());
                            }
                          })
                      .replaceWithVoid());
    }
    return screened
        .chain(
            () ->
                Uni.createFrom()
                    .completionStage(
                        CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new))))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** The verdict's append, not yet started; empty when there is nothing to screen. */
  Uni<Uni<Void>> screen(EventEnvelope envelope, AgoraEvent event) {
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
      default -> Uni.createFrom().nullItem();
    };
  }

  private Uni<Uni<Void>> screen(
      EventEnvelope envelope,
      PostId post,
      EncryptedContent content,
      String language,
      Instant publishedAt) {
    // NOTE: the key is appended before the post, but read from another topic, so a post may
    // arrive before its key (above all at boot, while the key topic is replayed). A missing key is
    // only conclusive once the ring has read the key topic to where it ended after the post came.
    return awaitKey(post.value(), Instant.now().plus(KEY_GIVE_UP), null, 0)
        .map(
            key -> {
              if (key.isEmpty()) {
                // NOTE: the key topic was read past this post and holds no key: it was shredded.
                LOG.debugf("no key for %s; nothing to screen", post);
                return null;
              }
              String text;
              try {
                text = key.get().open(content, post.toString());
              } catch (CryptoException e) {
                LOG.errorf("cannot open %s for screening: %s", post, e.getMessage());
                return null;
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

  /**
   * The post's key once the ring holds it; empty when it was shredded (or cannot be opened here),
   * or when the ring has read the key topic up to the end it had after the post arrived and still
   * holds none. Past {@code giveUp} without either, it fails: the channel stops (fail closed).
   */
  private Uni<Optional<DataKey>> awaitKey(
      UUID id, Instant giveUp, Map<Integer, Long> end, int misses) {
    Optional<DataKey> key = keys.find(id);
    if (key.isPresent() || keys.isUnusable(id)) {
      return Uni.createFrom().item(key);
    }
    if (end != null && keys.hasRead(end)) {
      return Uni.createFrom().item(Optional.empty());
    }
    if (Instant.now().isAfter(giveUp)) {
      return Uni.createFrom()
          .failure(new IllegalStateException("the key of post " + id + " did not arrive"));
    }
    if (misses == 0) {
      keyWaits.increment();
    }
    // NOTE: a key that is merely late (read from its own topic a few milliseconds after the post)
    // is waited for in memory; only a key still missing after that asks the broker where the key
    // topic ends, the one fact that can show it was shredded.
    Uni<Map<Integer, Long>> ends =
        end != null || misses < POLLS_BEFORE_END
            ? Uni.createFrom().item(end)
            : Uni.createFrom()
                .item(keyTopicEnd::now)
                .runSubscriptionOn(
                    io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
    return ends.chain(
        known ->
            Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(KEY_POLL)
                .chain(() -> awaitKey(id, giveUp, known, misses + 1)));
  }
}
