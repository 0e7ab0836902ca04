package org.agora.events.relationships;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/** {@code blockerId} lifted a block on {@code blockedId}. */
public record AccountUnblocked(AccountId blockerId, AccountId blockedId, Instant unblockedAt)
    implements RelationshipEvent {
  public static final String TYPE = "agora.account.unblocked.v1";

  public AccountUnblocked {
    Objects.requireNonNull(blockerId, "blockerId");
    Objects.requireNonNull(blockedId, "blockedId");
    Objects.requireNonNull(unblockedAt, "unblockedAt");
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
