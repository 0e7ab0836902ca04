package org.agora.moderation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.events.EventCodec;
import org.agora.events.EventEnvelope;
import org.agora.events.PostId;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.events.moderation.EvidenceDestroyed;
import org.agora.events.moderation.EvidenceEscrowed;
import org.agora.moderation.config.ModerationBeans.ModerationKek;
import org.agora.moderation.config.ModerationConfig;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Evidence escrow: the data keys of posts removed as illegal content, re-wrapped under the
 * moderation KEK on the compacted {@code moderation.evidence-keys}, held in memory only, and
 * destroyed (tombstone + {@code EvidenceDestroyed}) by a sweep once their period ends.
 */
@ApplicationScoped
public class EvidenceVault {
  private static final Logger LOG = Logger.getLogger(EvidenceVault.class);
  private static final String ACTOR = EventEnvelope.systemActor("moderation-service");

  /** One escrowed key. */
  public record Escrow(PostId postId, UUID removalDecisionId, DataKey key, Instant expiresAt) {}

  private final Map<UUID, Escrow> escrows = new ConcurrentHashMap<>();
  private final ModerationKek kek;
  private final ModerationLog log;
  private final ModerationConfig config;
  private final Clock clock;

  public EvidenceVault(
      ModerationKek kek,
      ModerationLog log,
      ModerationConfig config,
      Clock clock,
      MeterRegistry registry) {
    this.kek = kek;
    this.log = log;
    this.config = config;
    this.clock = clock;
    registry.gauge("agora.moderation.evidence.escrowed", escrows, Map::size);
  }

  @Incoming("evidence-keys-in")
  public Uni<Void> consume(Message<byte[]> message) {
    String key =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(m -> String.valueOf(m.getKey()))
            .orElse("");
    try {
      UUID post = UUID.fromString(key);
      if (message.getPayload() == null) {
        escrows.remove(post);
      } else {
        var escrow = EventCodec.decode(EvidenceEscrowed.class, message.getPayload());
        escrows.put(
            post,
            new Escrow(
                escrow.postId(),
                escrow.removalDecisionId(),
                kek.kek().unwrap(escrow.kekId(), escrow.wrappedKey()),
                escrow.expiresAt()));
      }
    } catch (IllegalArgumentException | CryptoException | EventCodec.MalformedEventException e) {
      LOG.warnf("skipping evidence key record %s: %s", key, e.getMessage());
    }
    return Uni.createFrom().completionStage(message.ack());
  }

  /** Escrows a post's data key for the configured period (idempotent per post). */
  public Uni<Void> escrow(PostId post, UUID removalDecisionId, DataKey key, String actor) {
    Instant now = clock.instant();
    var record =
        new EvidenceEscrowed(
            post,
            removalDecisionId,
            kek.kek().id(),
            kek.kek().wrap(key),
            now,
            now.plus(config.evidenceRetention()));
    return log.escrow(record, actor)
        .invoke(
            () ->
                escrows.put(
                    post.value(), new Escrow(post, removalDecisionId, key, record.expiresAt())));
  }

  public Optional<Escrow> find(UUID post) {
    return Optional.ofNullable(escrows.get(post))
        .filter(e -> e.expiresAt().isAfter(clock.instant()));
  }

  public boolean holds(UUID post) {
    return escrows.containsKey(post);
  }

  @Scheduled(
      every = "${agora.moderation.evidence-sweep:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    Instant now = clock.instant();
    Uni<Void> all = Uni.createFrom().voidItem();
    for (Escrow escrow : escrows.values()) {
      if (escrow.expiresAt().isAfter(now)) {
        continue;
      }
      UUID post = escrow.postId().value();
      // NOTE: the same id from every instance and every retry, so duplicates are recognisable.
      UUID decision =
          UUID.nameUUIDFromBytes(
              ("evidence-destroyed:" + post + ":" + escrow.expiresAt())
                  .getBytes(StandardCharsets.UTF_8));
      all =
          all.chain(() -> log.destroyEscrow(post))
              .chain(
                  () ->
                      log.decide(
                          new EvidenceDestroyed(decision, escrow.postId(), now),
                          post.toString(),
                          now,
                          ACTOR))
              .invoke(() -> escrows.remove(post, escrow));
    }
    return all;
  }
}
