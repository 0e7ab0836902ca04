package org.agora.events.audit;

import org.agora.events.AgoraEvent;

/** The stream {@code identity.audit}: security events auditors replay, keyed by account id. */
public sealed interface AuditEvent extends AgoraEvent permits SecurityEventRecorded {
  String TOPIC = "identity.audit";
}
