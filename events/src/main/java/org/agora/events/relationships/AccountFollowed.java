package org.agora.events.relationships;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/** {@code followerId} follows {@code followedId}: its home timeline shows the other's posts. */
public record AccountFollowed(AccountId followerId, AccountId followedId, Instant followedAt)
    implements RelationshipEvent {
  public static final String TYPE = "agora.account.followed.v1";

  public AccountFollowed {
    Objects.requireNonNull(followerId, "followerId");
    Objects.requireNonNull(followedId, "followedId");
    Objects.requireNonNull(followedAt, "followedAt");
  }

  @Override
  public AccountId actorId() {
    return followerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
