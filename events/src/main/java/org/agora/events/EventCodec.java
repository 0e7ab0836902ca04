package org.agora.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.media.MediaKeyIssued;
import org.agora.events.media.MediaUploaded;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountUnblocked;

/**
 * Turns payloads into the exact bytes that go on the log and back. The bytes are pinned by tests:
 * fields in declaration order, nulls left out, instants as ISO-8601 strings, unknown fields
 * tolerated on the way in.
 */
public final class EventCodec {
  private static final Map<String, Class<? extends AgoraEvent>> TYPES =
      Map.ofEntries(
          Map.entry(PostPublished.TYPE, PostPublished.class),
          Map.entry(PostEdited.TYPE, PostEdited.class),
          Map.entry(PostDeleted.TYPE, PostDeleted.class),
          Map.entry(ContentKeyIssued.TYPE, ContentKeyIssued.class),
          Map.entry(MediaUploaded.TYPE, MediaUploaded.class),
          Map.entry(MediaKeyIssued.TYPE, MediaKeyIssued.class),
          Map.entry(AccountSuspended.TYPE, AccountSuspended.class),
          Map.entry(AccountReinstated.TYPE, AccountReinstated.class),
          Map.entry(AccountErased.TYPE, AccountErased.class),
          Map.entry(AccountBlocked.TYPE, AccountBlocked.class),
          Map.entry(AccountUnblocked.TYPE, AccountUnblocked.class),
          Map.entry(PostRemoved.TYPE, PostRemoved.class),
          Map.entry(PostRestored.TYPE, PostRestored.class),
          Map.entry(PostScreened.TYPE, PostScreened.class));

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
