package org.agora.identity.messaging.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;
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

  @Incoming("follows-projection-in")
  public Uni<Void> follows(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::applyRelationship);
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

  public Uni<Void> applyRelationship(EventEnvelope envelope, AgoraEvent event) {
    return apply(envelope.id(), event);
  }

  /** Applies one graph event; {@code eventId} keeps a follow counted once against the limit. */
  public Uni<Void> apply(java.util.UUID eventId, AgoraEvent event) {
    return switch (event) {
      case AccountFollowed followed -> store.apply(eventId, followed);
      case AccountUnfollowed unfollowed -> store.apply(unfollowed);
      case AccountBlocked blocked -> store.apply(blocked);
      case AccountUnblocked unblocked -> store.apply(unblocked);
      default -> Uni.createFrom().voidItem();
    };
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
