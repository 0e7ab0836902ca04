package org.agora.post.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountApproved;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.media.MediaUploaded;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.kit.messaging.CloudEventMessages;
import org.agora.kit.messaging.ConsumerRetries;
import org.agora.kit.messaging.InTurn;
import org.agora.kit.messaging.IncomingEvents;
import org.agora.post.projection.PostStore;
import org.agora.post.storage.MediaStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds post-service's read model from the log: its own posts and media, suspensions and blocks
 * from identity, removals from moderation, and keys (in memory) from the compacted key topic, whose
 * tombstones purge rows and media files.
 */
@ApplicationScoped
public class ProjectionConsumers {
  private static final Set<String> BLOCK_TYPES = Set.of(AccountBlocked.TYPE, AccountUnblocked.TYPE);

  private final PostStore store;
  private final MediaStore media;
  private final KeyTopicReader keys;
  private final AccountErasure erasure;

  public ProjectionConsumers(
      PostStore store, MediaStore media, KeyTopicReader keys, AccountErasure erasure) {
    this.store = store;
    this.media = media;
    this.keys = keys;
    this.erasure = erasure;
  }

  // NOTE: posts, verdicts and keys come in batches (one poll): a run of publications or of
  // screening verdicts is one transaction, anything else is applied on its own, all in log order.
  @Incoming("posts-in")
  public Uni<Void> posts(KafkaRecordBatch<String, byte[]> batch) {
    return inOrder(
            IncomingEvents.decoded(batch),
            d -> d.event() instanceof PostPublished,
            run ->
                store.applyPublished(
                    run.stream()
                        .map(d -> Map.entry(d.envelope().id(), (PostPublished) d.event()))
                        .toList()),
            d -> applyPost(d.envelope(), d.event()))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  @Incoming("media-in")
  public Uni<Void> media(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            event instanceof MediaUploaded uploaded
                ? store.apply(uploaded)
                : Uni.createFrom().voidItem());
  }

  @Incoming("accounts-in")
  public Uni<Void> accounts(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            switch (event) {
              case AccountRegistered registered -> store.apply(registered);
              case AccountApproved approved -> store.apply(approved);
              case AccountSuspended suspended -> store.apply(suspended);
              case AccountReinstated reinstated -> store.apply(reinstated);
              case AccountErased erased -> erasure.erase(erased);
              default -> Uni.createFrom().voidItem();
            });
  }

  // NOTE: the graph topic is mostly follows, which post-service has no use for: a poll's follows
  // are passed over without being decoded, and its blocks and unblocks applied in log order.
  @Incoming("relationships-in")
  public Uni<Void> relationships(KafkaRecordBatch<String, byte[]> batch) {
    List<IncomingEvents.Decoded> blocks =
        batch.getRecords().stream()
            .filter(
                record ->
                    CloudEventMessages.envelope(record)
                        .map(e -> BLOCK_TYPES.contains(e.type()))
                        .orElse(false))
            .map(IncomingEvents::read)
            .flatMap(Optional::stream)
            .toList();
    return InTurn.each(
            blocks,
            d ->
                ConsumerRetries.untilDone(
                    IncomingEvents.applying(d.envelope()), () -> applyBlock(d.event())))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  Uni<Void> applyBlock(AgoraEvent event) {
    return switch (event) {
      case AccountBlocked blocked -> store.apply(blocked);
      case AccountUnblocked unblocked -> store.apply(unblocked);
      default -> Uni.createFrom().voidItem();
    };
  }

  @Incoming("decisions-in")
  public Uni<Void> decisions(KafkaRecordBatch<String, byte[]> batch) {
    return inOrder(
            IncomingEvents.decoded(batch),
            d -> d.event() instanceof PostScreened,
            run -> store.applyScreened(run.stream().map(d -> (PostScreened) d.event()).toList()),
            d -> applyDecision(d.event()))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** Keys go into memory in log order; the rows and files of the shredded ones go after. */
  @Incoming("content-keys-in")
  public Uni<Void> keys(KafkaRecordBatch<String, byte[]> batch) {
    List<UUID> shredded = new ArrayList<>();
    for (var record : batch.getRecords()) {
      keys.apply(record).ifPresent(shredded::add);
    }
    if (shredded.isEmpty()) {
      return Uni.createFrom().completionStage(batch.ack());
    }
    return ConsumerRetries.untilDone(
            IncomingEvents.describe(
                "purging the rows and files of " + shredded.size() + " shredded keys", batch),
            () -> store.purgeShredded(shredded).chain(() -> InTurn.each(shredded, media::delete)))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  Uni<Void> applyDecision(AgoraEvent event) {
    return switch (event) {
      case PostRemoved removed -> store.apply(removed);
      case PostRestored restored -> store.apply(restored);
      case PostLabeled labeled -> store.apply(labeled);
      case PostUnlabeled unlabeled -> store.apply(unlabeled);
      case PostScreened screened -> store.apply(screened);
      default -> Uni.createFrom().voidItem();
    };
  }

  /** Each run in log order, tried again until it commits ({@link ConsumerRetries}). */
  private static Uni<Void> inOrder(
      List<IncomingEvents.Decoded> events,
      Predicate<IncomingEvents.Decoded> together,
      Function<List<IncomingEvents.Decoded>, Uni<Void>> applyRun,
      Function<IncomingEvents.Decoded, Uni<Void>> applyOne) {
    return InTurn.each(
        Runs.of(events, together),
        run -> {
          var first = run.get(0);
          boolean batched = together.test(first);
          String what = IncomingEvents.applying(first.envelope());
          return ConsumerRetries.untilDone(
              batched ? "%s and %d after it".formatted(what, run.size() - 1) : what,
              () -> batched ? applyRun.apply(run) : applyOne.apply(first));
        });
  }

  Uni<Void> applyPost(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case PostPublished published -> store.apply(envelope.id(), published);
      case PostEdited edited -> store.apply(envelope.id(), edited);
      case PostDeleted deleted ->
          store
              .apply(deleted)
              .chain(
                  () -> {
                    Uni<Void> files = Uni.createFrom().voidItem();
                    for (var mediaId : deleted.mediaIds()) {
                      files = files.chain(() -> media.delete(mediaId));
                    }
                    return files;
                  });
      default -> Uni.createFrom().voidItem();
    };
  }
}
