package org.agora.events.accounts;

import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;

/** The stream {@code identity.accounts}, keyed by account id. */
public sealed interface AccountEvent extends AgoraEvent
    permits AccountRegistered,
        AccountEmailVerified,
        AccountApproved,
        AccountRejected,
        AccountProfileChanged,
        AccountSuspended,
        AccountReinstated,
        AccountErasureRequested,
        AccountErased {
  String TOPIC = "identity.accounts";

  AccountId accountId();
}
