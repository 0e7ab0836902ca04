package org.agora.events.relationships;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/** {@code blockerId} blocked {@code blockedId}: neither sees the other's posts from now on. */
public record AccountBlocked(AccountId blockerId, AccountId blockedId, Instant blockedAt)
    implements RelationshipEvent {
  public static final String TYPE = "agora.account.blocked.v1";

  public AccountBlocked {
    Objects.requireNonNull(blockerId, "blockerId");
    Objects.requireNonNull(blockedId, "blockedId");
    Objects.requireNonNull(blockedAt, "blockedAt");
  }

  @Override
  public AccountId actorId() {
    return blockerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
