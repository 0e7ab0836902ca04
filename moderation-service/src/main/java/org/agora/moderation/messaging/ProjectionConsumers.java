package org.agora.moderation.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.posts.PostDeleted;
import org.agora.events.reports.AppealFiled;
import org.agora.events.reports.ReportFiled;
import org.agora.kit.messaging.ConsumerRetries;
import org.agora.kit.messaging.IncomingEvents;
import org.agora.moderation.projection.ModerationProjector;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Feeds the moderation read models from the posts, decisions, reports, follows and accounts logs.
 */
@ApplicationScoped
public class ProjectionConsumers {
  private final ModerationProjector projector;
  private final EvidenceVault vault;

  public ProjectionConsumers(ModerationProjector projector, EvidenceVault vault) {
    this.projector = projector;
    this.vault = vault;
  }

  @Incoming("posts-projection")
  public Uni<Void> posts(KafkaRecordBatch<String, byte[]> batch) {
    List<Object[]> events = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch) {
      IncomingEvents.read(record)
          .ifPresent(
              decoded -> {
                AgoraEvent event = decoded.event();
                if (event instanceof PostDeleted deleted && vault.holds(deleted.postId().value())) {
                  event = null;
                }
                events.add(
                    new Object[] {
                      decoded.envelope().id(),
                      event == null
                          ? new ModerationProjector.Retained(
                              ((PostDeleted) decoded.event()).postId())
                          : event
                    });
              });
    }
    return ConsumerRetries.untilDone(
            IncomingEvents.describe("projecting posts", batch), () -> projector.applyPosts(events))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** Decisions in log order; NOTE: batched, as every post's screening verdict passes here. */
  @Incoming("decisions-projection")
  public Uni<Void> decisions(KafkaRecordBatch<String, byte[]> batch) {
    return IncomingEvents.handleInOrder(
        batch, (envelope, event) -> projector.apply(envelope.id(), event));
  }

  @Incoming("reports-projection")
  public Uni<Void> reports(Message<byte[]> message) {
    return IncomingEvents.handle(message, this::report);
  }

  private Uni<Void> report(EventEnvelope envelope, AgoraEvent event) {
    return switch (event) {
      case ReportFiled filed -> projector.apply(filed);
      case AppealFiled appeal -> projector.apply(appeal);
      default -> Uni.createFrom().voidItem();
    };
  }

  /** A poll's follows and unfollows in one transaction: a replay applies hundreds a commit. */
  @Incoming("follows-projection")
  public Uni<Void> follows(KafkaRecordBatch<String, byte[]> batch) {
    return IncomingEvents.handleTogether(
        batch,
        "applying follows",
        events ->
            projector.applyGraph(events.stream().map(IncomingEvents.Decoded::event).toList()));
  }

  /** Suspensions as identity applied them: the appeal capability's hash. */
  @Incoming("accounts-projection")
  public Uni<Void> accounts(Message<byte[]> message) {
    return IncomingEvents.handle(
        message,
        (envelope, event) ->
            event instanceof AccountSuspended suspended
                ? projector.apply(suspended)
                : Uni.createFrom().voidItem());
  }
}
