package org.agora.events.relationships;

import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;

/** The stream {@code identity.follows} (the social graph), keyed by the acting account's id. */
public sealed interface RelationshipEvent extends AgoraEvent
    permits AccountFollowed, AccountUnfollowed, AccountBlocked, AccountUnblocked {
  String TOPIC = "identity.follows";

  AccountId actorId();
}
