package org.agora.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A post's public id: a UUIDv7 (RFC 9562), so ids sort by creation time while 74 random bits make
 * them impossible to walk.
 */
public record PostId(UUID value) implements Comparable<PostId> {
  private static final SecureRandom RANDOM = new SecureRandom();

  public PostId {
    Objects.requireNonNull(value, "value");
  }

  public static PostId newId(Instant now) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    long millis = now.toEpochMilli();
    for (int i = 0; i < 6; i++) {
      bytes[i] = (byte) (millis >>> (40 - 8 * i));
    }
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70); // version 7
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (bytes[i] & 0xff);
      lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
    }
    return new PostId(new UUID(msb, lsb));
  }

  @JsonCreator
  public static PostId parse(String text) {
    return new PostId(UUID.fromString(text));
  }

  /** The creation time encoded in the id (millisecond precision). */
  public Instant createdAt() {
    return Instant.ofEpochMilli(value.getMostSignificantBits() >>> 16);
  }

  @Override
  public int compareTo(PostId other) {
    // NOTE: UUID.compareTo compares signed longs, which misorders v7 ids after 2039; compare
    // unsigned.
    int high =
        Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(
            value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
