package org.agora.events.sessions;

import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;

/**
 * The stream {@code identity.sessions}, keyed by account id: logins that ended before their tokens
 * expire. Every service reads it from the start on every boot and refuses the tokens it names, so
 * tokens are checked locally (signature, expiry) and still end at once.
 */
public sealed interface SessionEvent extends AgoraEvent permits SessionsEnded {
  String TOPIC = "identity.sessions";

  AccountId accountId();
}
