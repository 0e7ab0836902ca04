package org.agora.moderation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
  // NOTE: generous: at boot the whole key topic is replayed before late keys can be found.
  private static final Duration KEY_GIVE_UP = Duration.ofMinutes(10);
  private static final Duration KEY_POLL = Duration.ofMillis(10);

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
    var poll = new Poll(batch.getRecords());
    return poll.screen()
        .chain(
            () ->
                Uni.createFrom()
                    .completionStage(
                        CompletableFuture.allOf(poll.appended.toArray(CompletableFuture[]::new))))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** What a post event asks to screen. */
  private record Subject(
      EventEnvelope envelope,
      PostId post,
      EncryptedContent content,
      String language,
      Instant publishedAt) {}

  private static Optional<Subject> subject(IncomingEvents.Decoded decoded) {
    return switch (decoded.event()) {
      case PostPublished p ->
          Optional.of(
              new Subject(
                  decoded.envelope(), p.postId(), p.content(), p.language(), p.publishedAt()));
      case PostEdited e ->
          Optional.of(
              new Subject(decoded.envelope(), e.postId(), e.content(), e.language(), e.editedAt()));
      default -> Optional.empty();
    };
  }

  /**
   * One poll's posts in log order. The loop runs on the calling thread and leaves it only to wait
   * for a missing key (asynchronously), then goes on where it stopped.
   */
  private final class Poll {
    private final List<? extends Message<byte[]>> records;
    private final List<CompletableFuture<Void>> appended = new ArrayList<>();
    private int next;
    private Instant waitingSince;
    // NOTE: where the key topic ended, asked once a poll and only when a key is missing: every
    // post of the poll had arrived by then, so one answer settles each of them (a replay past many
    // shredded keys asks once a poll, not once a post).
    private Map<Integer, Long> keyTopicEnded;

    Poll(List<? extends Message<byte[]>> records) {
      this.records = records;
    }

    Uni<Void> screen() {
      for (; next < records.size(); next++) {
        var subject = IncomingEvents.read(records.get(next)).flatMap(ScreeningGate::subject);
        if (subject.isEmpty()) {
          continue;
        }
        UUID id = subject.get().post().value();
        Optional<DataKey> key = keys.find(id);
        // NOTE: the key is appended before the post, but read from another topic, so a post may
        // arrive before its key (above all at boot, while the key topic is replayed). A missing
        // key is only conclusive once the ring has read the key topic to where it ended after the
        // post came: then it was shredded, and there is nothing to screen.
        if (key.isEmpty() && !keys.isUnusable(id)) {
          if (keyTopicEnded == null || !keys.hasRead(keyTopicEnded)) {
            return waitForKey(id).chain(this::screen);
          }
          key = keys.find(id);
        }
        waitingSince = null;
        if (key.isPresent()) {
          appended.add(screenAndAppend(subject.get(), key.get()).subscribeAsCompletionStage());
        } else {
          LOG.debugf("no key for %s; nothing to screen", id);
        }
      }
      return Uni.createFrom().voidItem();
    }

    private Uni<Void> waitForKey(UUID id) {
      if (waitingSince == null) {
        waitingSince = Instant.now();
        keyWaits.increment();
      } else if (Instant.now().isAfter(waitingSince.plus(KEY_GIVE_UP))) {
        return Uni.createFrom()
            .failure(new IllegalStateException("the key of post " + id + " did not arrive"));
      }
      if (keyTopicEnded == null) {
        return Uni.createFrom()
            .item(keyTopicEnd::now)
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
            .invoke(end -> keyTopicEnded = end)
            .replaceWithVoid();
      }
      return Uni.createFrom().voidItem().onItem().delayIt().by(KEY_POLL);
    }
  }

  /** Opens and scores the post; the verdict's append, not yet started (nothing if unopenable). */
  private Uni<Void> screenAndAppend(Subject subject, DataKey key) {
    PostId post = subject.post();
    String text;
    try {
      text = key.open(subject.content(), post.toString());
    } catch (CryptoException e) {
      LOG.errorf("cannot open %s for screening: %s", post, e.getMessage());
      return Uni.createFrom().voidItem();
    }
    Screening screening = scoreFailingClosed(text, subject.language());
    var verdict = verdict(subject.envelope(), post, screening, subject.publishedAt());
    var out = EventEnvelope.of(SOURCE, verdict, post.toString(), verdict.screenedAt(), ACTOR);
    return decisions
        .sendMessage(CloudEventMessages.toMessage(withId(out, verdict), verdict))
        .invoke(
            () -> {
              latency.record(Duration.between(subject.publishedAt(), clock.instant()));
              registry
                  .counter("agora.screening.verdicts", "verdict", verdict.verdict())
                  .increment();
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
}
