package org.agora.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.audit.AuditEvent;
import org.agora.events.media.MediaEvent;
import org.agora.events.media.MediaKeyIssued;
import org.agora.events.moderation.EvidenceEscrowed;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostEvent;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.events.reports.ReportEvent;
import org.agora.events.reports.ReportKeyIssued;
import org.agora.events.sessions.SessionEvent;

/**
 * Turns payloads into the exact bytes that go on the log and back. The bytes are pinned by tests:
 * fields in declaration order, nulls left out, instants as ISO-8601 strings, unknown fields
 * tolerated on the way in.
 */
public final class EventCodec {
  /**
   * Every stream's sealed interface and every key record: the wire types are read from their
   * permitted records' {@code TYPE} constants, so a new event only has to join its stream.
   */
  private static final List<Class<? extends AgoraEvent>> STREAMS =
      List.of(
          PostEvent.class,
          ContentKeyIssued.class,
          MediaEvent.class,
          MediaKeyIssued.class,
          AccountEvent.class,
          AccountKeyIssued.class,
          RelationshipEvent.class,
          ModerationDecision.class,
          EvidenceEscrowed.class,
          ReportEvent.class,
          ReportKeyIssued.class,
          AuditEvent.class,
          SessionEvent.class);

  private static final Map<String, Class<? extends AgoraEvent>> TYPES = typesOf(STREAMS);

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private EventCodec() {}

  public static byte[] encode(AgoraEvent event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a payload of the given wire type; an unknown type is an error the caller handles. */
  public static AgoraEvent decode(String type, byte[] payload) {
    Class<? extends AgoraEvent> target = TYPES.get(type);
    if (target == null) {
      throw new UnknownEventTypeException(type);
    }
    return decode(target, payload);
  }

  public static <T extends AgoraEvent> T decode(Class<T> target, byte[] payload) {
    try {
      return MAPPER.readValue(payload, target);
    } catch (IOException e) {
      throw new MalformedEventException(target.getSimpleName(), e);
    }
  }

  /**
   * The wrapped key of a record on a key topic, whichever aggregate it belongs to: post and media
   * key records share the fields {@code kekId} and {@code wrappedKey}.
   */
  public static WrappedKey wrappedKey(byte[] payload) {
    try {
      var tree = MAPPER.readTree(payload);
      var kekId = tree == null ? null : tree.get("kekId");
      var wrapped = tree == null ? null : tree.get("wrappedKey");
      if (kekId == null || wrapped == null || !kekId.isTextual() || !wrapped.isTextual()) {
        throw new MalformedEventException(
            "key record", new IOException("kekId and wrappedKey are required"));
      }
      return new WrappedKey(kekId.asText(), wrapped.asText());
    } catch (IOException e) {
      throw new MalformedEventException("key record", e);
    }
  }

  public record WrappedKey(String kekId, String wrappedKey) {}

  public static boolean knows(String type) {
    return TYPES.containsKey(type);
  }

  /** Every wire type this codec reads, with its record. */
  public static Map<String, Class<? extends AgoraEvent>> types() {
    return TYPES;
  }

  private static Map<String, Class<? extends AgoraEvent>> typesOf(
      List<Class<? extends AgoraEvent>> streams) {
    var types = new LinkedHashMap<String, Class<? extends AgoraEvent>>();
    for (Class<? extends AgoraEvent> stream : streams) {
      Class<?>[] records =
          stream.isSealed() ? stream.getPermittedSubclasses() : new Class<?>[] {stream};
      for (Class<?> record : records) {
        try {
          String type = (String) record.getField("TYPE").get(null);
          if (types.put(type, record.asSubclass(AgoraEvent.class)) != null) {
            throw new IllegalStateException("two records claim the wire type " + type);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(record + " has no public TYPE constant", e);
        }
      }
    }
    return Map.copyOf(types);
  }

  public static final class UnknownEventTypeException extends RuntimeException {
    public UnknownEventTypeException(String type) {
      super("unknown event type " + type);
    }
  }

  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String what, Throwable cause) {
      super("malformed " + what + ": " + cause.getMessage(), cause);
    }
  }
}
