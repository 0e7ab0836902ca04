package org.agora.identity.signup;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.audit.SecurityEventRecorded;
import org.agora.kit.messaging.CloudEventMessages;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Appends sign-up, verification and approval events to {@code identity.accounts} and security
 * events to {@code identity.audit}; each append waits for the broker's acknowledgement.
 */
@ApplicationScoped
public class AccountLog {
  public static final String SOURCE = "/agora/identity-service";
  public static final String SYSTEM_ACTOR = EventEnvelope.systemActor("identity-service");
  public static final String ACCOUNTS_CHANNEL = "signup-accounts-out";
  public static final String AUDIT_CHANNEL = "audit-out";
  private static final Duration ACK_WAIT = Duration.ofSeconds(15);

  private final MutinyEmitter<byte[]> accounts;
  private final MutinyEmitter<byte[]> audit;

  public AccountLog(
      @Channel(ACCOUNTS_CHANNEL) MutinyEmitter<byte[]> accounts,
      @Channel(AUDIT_CHANNEL) MutinyEmitter<byte[]> audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  /** Blocks until acknowledged; call from a worker thread. */
  public void append(AccountEvent event, Instant at, String actor) {
    var envelope = EventEnvelope.of(SOURCE, event, event.accountId().toString(), at, actor);
    accounts.sendMessage(CloudEventMessages.toMessage(envelope, event)).await().atMost(ACK_WAIT);
  }

  /**
   * Blocks until acknowledged. Keyed by the account concerned, or by the provider's event id for
   * attempts on no known account.
   */
  public void appendAudit(SecurityEventRecorded event) {
    String subject =
        event.accountId() != null ? event.accountId().toString() : "event:" + event.sourceId();
    String actor = event.actorId() != null ? event.actorId().toString() : SYSTEM_ACTOR;
    var envelope = EventEnvelope.of(SOURCE, event, subject, event.occurredAt(), actor);
    audit.sendMessage(CloudEventMessages.toMessage(envelope, event)).await().atMost(ACK_WAIT);
  }
}
