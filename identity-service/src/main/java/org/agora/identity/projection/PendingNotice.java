package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A suspension notice not delivered yet: written in the transaction that records the suspension,
 * deleted once the mail is accepted (or can never be sent), so a lost mail is sent again. Not a
 * projection of the log but an outbox: the appeal capability exists nowhere else in the clear, so
 * it is kept sealed under a data key of its own, wrapped by the service's key-encryption key, and
 * goes with the row.
 */
@Entity
@Table(name = "pending_notice")
public class PendingNotice extends PanacheEntityBase {
  @Id
  @Column(name = "decision_id")
  public UUID decisionId;

  @Column(name = "account_id", nullable = false)
  public UUID accountId;

  @Column(name = "suspended_until")
  public Instant until;

  @Column(name = "kek_id", nullable = false)
  public String kekId;

  @Column(name = "wrapped_key", nullable = false, length = 1024)
  public String wrappedKey;

  @Column(name = "sealed_capability", nullable = false, length = 1024)
  public String sealedCapability;

  @Column(name = "attempts", nullable = false)
  public int attempts;

  @Column(name = "next_at", nullable = false)
  public Instant nextAt;
}
