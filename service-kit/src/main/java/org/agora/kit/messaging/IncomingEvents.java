package org.agora.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.EventEnvelope;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way consumers read a record: envelope and event decoded, and records they cannot read (no
 * CloudEvents headers, a type from a later version, a malformed payload) logged and skipped. A
 * failing handler is tried again until it succeeds ({@link ConsumerRetries}), the records behind it
 * waiting, so a database away holds the channel back instead of skipping or ending it.
 */
public final class IncomingEvents {
  private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

  private IncomingEvents() {}

  public static Uni<Void> handle(
      Message<byte[]> message, BiFunction<EventEnvelope, AgoraEvent, Uni<Void>> handler) {
    return read(message)
        .map(
            decoded ->
                ConsumerRetries.untilDone(
                    applying(decoded.envelope()),
                    () -> handler.apply(decoded.envelope(), decoded.event())))
        .orElse(Uni.createFrom().voidItem())
        .chain(() -> Uni.createFrom().completionStage(message.ack()));
  }

  /** Every record of a batch, one after the other in log order; then the batch is acked. */
  public static Uni<Void> handleInOrder(
      KafkaRecordBatch<String, byte[]> batch,
      BiFunction<EventEnvelope, AgoraEvent, Uni<Void>> handler) {
    return handleInOrder(batch, type -> true, handler);
  }

  /**
   * As {@link #handleInOrder(KafkaRecordBatch, BiFunction)}, for the records whose type {@code
   * types} accepts; the others are passed over without decoding their payload.
   */
  public static Uni<Void> handleInOrder(
      KafkaRecordBatch<String, byte[]> batch,
      Predicate<String> types,
      BiFunction<EventEnvelope, AgoraEvent, Uni<Void>> handler) {
    List<Decoded> decoded = new ArrayList<>();
    for (var record : batch.getRecords()) {
      var envelope = CloudEventMessages.envelope(record);
      if (envelope.isPresent() && !types.test(envelope.get().type())) {
        continue;
      }
      read(record).ifPresent(decoded::add);
    }
    Uni<Void> done =
        InTurn.each(
            decoded,
            d ->
                ConsumerRetries.untilDone(
                    applying(d.envelope()), () -> handler.apply(d.envelope(), d.event())));
    return done.chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /**
   * Every readable record of a batch handed, in log order, to one work (one transaction, say) that
   * is tried again as a whole until it succeeds; then the batch is acked. For consumers whose
   * per-record cost is mostly a commit: a replay of the log applies hundreds of events a commit
   * instead of one.
   */
  public static Uni<Void> handleTogether(
      KafkaRecordBatch<String, byte[]> batch,
      String doing,
      Function<List<Decoded>, Uni<Void>> handler) {
    List<Decoded> decoded = decoded(batch);
    Uni<Void> done =
        decoded.isEmpty()
            ? Uni.createFrom().voidItem()
            : ConsumerRetries.untilDone(describe(doing, batch), () -> handler.apply(decoded));
    return done.chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  /** The readable records of a batch, decoded, in log order (the others logged and skipped). */
  public static List<Decoded> decoded(KafkaRecordBatch<String, byte[]> batch) {
    return batch.getRecords().stream().map(IncomingEvents::read).flatMap(Optional::stream).toList();
  }

  public static Optional<Decoded> read(Message<byte[]> message) {
    var envelope = CloudEventMessages.envelope(message).orElse(null);
    if (envelope == null || message.getPayload() == null) {
      LOG.warn("skipping a record without CloudEvents headers or payload");
      return Optional.empty();
    }
    if (!EventCodec.knows(envelope.type())) {
      LOG.debugf("ignoring %s %s", envelope.type(), envelope.id());
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Decoded(envelope, EventCodec.decode(envelope.type(), message.getPayload())));
    } catch (EventCodec.MalformedEventException e) {
      LOG.errorf("skipping malformed event %s: %s", envelope.id(), e.getMessage());
      return Optional.empty();
    }
  }

  /** How a retried work names the event it applies, for the log and the readiness check. */
  public static String applying(EventEnvelope envelope) {
    return "applying " + envelope.type() + " " + envelope.id();
  }

  /** A batch's work as a retried work names it: what it does, then the batch's size and start. */
  public static String describe(String doing, KafkaRecordBatch<String, byte[]> batch) {
    var records = batch.getRecords();
    if (records.isEmpty()) {
      return doing + " (an empty batch)";
    }
    var first = records.get(0);
    long offset =
        first
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(IncomingKafkaRecordMetadata::getOffset)
            .orElse(-1L);
    return "%s (%d records from %s-%d@%d)"
        .formatted(doing, records.size(), first.getTopic(), first.getPartition(), offset);
  }

  public record Decoded(EventEnvelope envelope, AgoraEvent event) {}
}
