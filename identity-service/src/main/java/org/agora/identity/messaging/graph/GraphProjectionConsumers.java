package org.agora.identity.messaging.graph;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.identity.projection.IdentityStore;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.kit.messaging.ConsumerRetries;
import org.agora.kit.messaging.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds the identity projection from the log alone: accounts and profiles from {@code
 * identity.accounts}, the graph from {@code identity.follows}, and profile keys (in memory) from
 * the compacted {@code identity.account-keys}.
 */
@ApplicationScoped
public class GraphProjectionConsumers {
  private final IdentityStore store;
  private final KeyTopicReader keys;

  public GraphProjectionConsumers(IdentityStore store, KeyTopicReader keys) {
    this.store = store;
    this.keys = keys;
  }

  @Incoming("accounts-projection-in")
  public Uni<Void> accounts(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::applyAccount);
  }

  /** A poll's graph events in one transaction: a replay applies hundreds a commit, not one. */
  @Incoming("follows-projection-in")
  public Uni<Void> follows(KafkaRecordBatch<String, byte[]> batch) {
    return IncomingEvents.handleTogether(
        batch,
        "applying graph events",
        events ->
            store.applyGraph(
                events.stream()
                    .<Map.Entry<UUID, AgoraEvent>>map(d -> Map.entry(d.envelope().id(), d.event()))
                    .toList()));
  }

  @Incoming("account-keys-in")
  public Uni<Void> keys(Message<byte[]> message) {
    var shredded = keys.apply(message);
    Uni<Void> marked =
        shredded.isEmpty() && message.getPayload() != null
            ? accountOf(message)
                .map(
                    account ->
                        ConsumerRetries.untilDone(
                            "marking the key of account " + account + " issued",
                            () -> store.keyIssued(account)))
                .orElse(Uni.createFrom().voidItem())
            : Uni.createFrom().voidItem();
    return marked.chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  public Uni<Void> applyAccount(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case AccountRegistered registered -> store.apply(registered);
      case AccountApproved approved -> store.apply(approved);
      case AccountProfileChanged changed -> store.apply(changed);
      case AccountSuspended suspended -> store.apply(suspended);
      case AccountReinstated reinstated -> store.apply(reinstated);
      case AccountErased erased -> store.apply(erased);
      default -> Uni.createFrom().voidItem();
    };
  }

  /** Applies one graph event; {@code eventId} keeps a follow counted once against the limit. */
  public Uni<Void> apply(UUID eventId, AgoraEvent event) {
    return store.applyGraph(List.of(Map.entry(eventId, event)));
  }

  private static java.util.Optional<java.util.UUID> accountOf(Message<byte[]> message) {
    return message
        .getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
        .map(m -> String.valueOf(m.getKey()))
        .flatMap(
            key -> {
              try {
                return java.util.Optional.of(java.util.UUID.fromString(key));
              } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
              }
            });
  }
}
