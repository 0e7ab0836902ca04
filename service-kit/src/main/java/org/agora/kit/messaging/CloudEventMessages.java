package org.agora.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.EventEnvelope;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds and reads Kafka records in CloudEvents 1.0 binary mode: the envelope in {@code ce_*}
 * headers, the pinned JSON bytes of the event as the value, the aggregate id as the key.
 */
public final class CloudEventMessages {
  private CloudEventMessages() {}

  public static Message<byte[]> toMessage(EventEnvelope envelope, AgoraEvent event) {
    OutgoingCloudEventMetadata<Object> ce =
        OutgoingCloudEventMetadata.builder()
            .withId(envelope.id().toString())
            .withSource(URI.create(envelope.source()))
            .withType(envelope.type())
            .withSubject(envelope.subject())
            .withTimestamp(envelope.time().atZone(ZoneOffset.UTC))
            .withDataContentType(EventEnvelope.DATA_CONTENT_TYPE)
            .withExtension(EventEnvelope.ACTOR_EXTENSION, envelope.actor())
            .build();
    OutgoingKafkaRecordMetadata<String> kafka =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build();
    return Message.of(EventCodec.encode(event)).addMetadata(ce).addMetadata(kafka);
  }

  /**
   * Appends the event to the channel under a fresh envelope keyed by {@code subject}; the item is
   * the envelope's id once the broker has acknowledged the record.
   */
  public static Uni<UUID> append(
      MutinyEmitter<byte[]> channel,
      String source,
      AgoraEvent event,
      String subject,
      Instant at,
      String actor) {
    EventEnvelope envelope = EventEnvelope.of(source, event, subject, at, actor);
    return channel.sendMessage(toMessage(envelope, event)).replaceWith(envelope.id());
  }

  /** The envelope of an incoming record, empty when it carries no CloudEvents headers. */
  public static Optional<EventEnvelope> envelope(Message<?> message) {
    Optional<IncomingCloudEventMetadata<?>> metadata =
        message
            .getMetadata(IncomingCloudEventMetadata.class)
            .map(m -> (IncomingCloudEventMetadata<?>) m);
    return metadata.map(CloudEventMessages::envelope);
  }

  private static EventEnvelope envelope(IncomingCloudEventMetadata<?> ce) {
    Instant time = ce.getTimeStamp().map(ZonedDateTime::toInstant).orElse(Instant.EPOCH);
    String actor =
        ce.getExtension(EventEnvelope.ACTOR_EXTENSION).map(Object::toString).orElse("unknown");
    return new EventEnvelope(
        UUID.fromString(ce.getId()),
        ce.getSource().toString(),
        ce.getType(),
        ce.getSubject().orElse(""),
        time,
        actor);
  }
}
