package org.agora.events.audit;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;

/**
 * A login or admin event from the identity provider (failed login, lockout, password reset, role
 * change, ...), copied onto the log. {@code sourceId} is the provider's own event id, so a copy
 * made twice is recognisable; {@code accountId} is the account concerned and {@code actorId} who
 * acted (absent for anonymous attempts). No e-mail address, password or IP address is carried.
 */
public record SecurityEventRecorded(
    String sourceId,
    String kind,
    AccountId accountId,
    AccountId actorId,
    String clientId,
    String error,
    String detail,
    Instant occurredAt)
    implements AuditEvent {
  public static final String TYPE = "agora.identity.security-event.recorded.v1";

  public SecurityEventRecorded {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
