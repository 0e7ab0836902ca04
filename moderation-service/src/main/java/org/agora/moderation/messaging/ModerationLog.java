package org.agora.moderation.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.EventEnvelope;
import org.agora.events.moderation.EvidenceEscrowed;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.reports.ReportEvent;
import org.agora.events.reports.ReportKeyIssued;
import org.agora.kit.keys.KeyShredder;
import org.agora.kit.messaging.CloudEventMessages;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Appends moderation's facts. Every append is awaited; a key record is acknowledged before the
 * event that needs it, and a decision's envelope id is its decision id.
 */
@ApplicationScoped
public class ModerationLog {
  private final MutinyEmitter<byte[]> decisions;
  private final MutinyEmitter<byte[]> reports;
  private final MutinyEmitter<byte[]> reportKeys;
  private final MutinyEmitter<byte[]> evidenceKeys;
  private final KeyShredder shredder;

  public ModerationLog(
      @Channel("decisions-out") MutinyEmitter<byte[]> decisions,
      @Channel("reports-out") MutinyEmitter<byte[]> reports,
      @Channel("report-keys-out") MutinyEmitter<byte[]> reportKeys,
      @Channel("evidence-keys-out") MutinyEmitter<byte[]> evidenceKeys,
      KeyShredder shredder) {
    this.decisions = decisions;
    this.reports = reports;
    this.reportKeys = reportKeys;
    this.evidenceKeys = evidenceKeys;
    this.shredder = shredder;
  }

  /** At boot: the follow-up tombstones of shreds a stop cut short ({@link KeyShredder#resume}). */
  void resumeShredding(@Observes StartupEvent startup) {
    resumeFollowUps().subscribe().with(scheduled -> {}, failure -> {});
  }

  /** The item is the number of follow-ups scheduled. */
  public Uni<Integer> resumeFollowUps() {
    return shredder.resume(evidenceKeys, EvidenceEscrowed.TOPIC);
  }

  public Uni<Void> decide(ModerationDecision event, String subject, Instant at, String actor) {
    var envelope =
        new EventEnvelope(
            event.decisionId(), ScreeningGate.SOURCE, event.type(), subject, at, actor);
    return decisions.sendMessage(CloudEventMessages.toMessage(envelope, event));
  }

  public Uni<Void> file(ReportKeyIssued key, ReportEvent event, UUID id, Instant at, String actor) {
    return append(reportKeys, key, id.toString(), at, actor)
        .chain(() -> append(reports, event, id.toString(), at, actor));
  }

  public Uni<Void> escrow(EvidenceEscrowed escrow, String actor) {
    return append(evidenceKeys, escrow, escrow.postId().toString(), escrow.escrowedAt(), actor);
  }

  /** Destroys an escrowed key: a tombstone under the post id. */
  public Uni<Void> destroyEscrow(UUID postId) {
    return shredder.shred(evidenceKeys, postId.toString());
  }

  private static Uni<Void> append(
      MutinyEmitter<byte[]> channel, AgoraEvent event, String subject, Instant at, String actor) {
    return CloudEventMessages.append(channel, ScreeningGate.SOURCE, event, subject, at, actor)
        .replaceWithVoid();
  }
}
