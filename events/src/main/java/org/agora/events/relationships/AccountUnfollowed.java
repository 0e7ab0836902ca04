package org.agora.events.relationships;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/** {@code followerId} stopped following {@code followedId}. */
public record AccountUnfollowed(AccountId followerId, AccountId followedId, Instant unfollowedAt)
    implements RelationshipEvent {
  public static final String TYPE = "agora.account.unfollowed.v1";

  public AccountUnfollowed {
    Objects.requireNonNull(followerId, "followerId");
    Objects.requireNonNull(followedId, "followedId");
    Objects.requireNonNull(unfollowedAt, "unfollowedAt");
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
