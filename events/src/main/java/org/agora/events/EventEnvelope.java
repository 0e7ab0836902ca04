package org.agora.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes of one record, carried in Kafka headers (binary mode) beside the
 * JSON payload. {@code actor} is an extension attribute: an account id or {@code system:<service>}.
 */
public record EventEnvelope(
    UUID id, String source, String type, String subject, Instant time, String actor) {
  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";
  public static final String ACTOR_EXTENSION = "actor";

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
  }

  public static EventEnvelope of(
      String source, AgoraEvent event, String subject, Instant time, String actor) {
    return new EventEnvelope(UUID.randomUUID(), source, event.type(), subject, time, actor);
  }

  public static String systemActor(String service) {
    return "system:" + service;
  }
}
