package org.agora.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** An account's public id: the identity provider's random UUID, never a sequence. */
public record AccountId(UUID value) {
  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  @JsonCreator
  public static AccountId parse(String text) {
    return new AccountId(UUID.fromString(text));
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
