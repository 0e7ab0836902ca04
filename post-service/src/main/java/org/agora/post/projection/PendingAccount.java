package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An account that signed up while sign-ups were throttled and waits for a moderator's approval, as
 * learned from {@code identity.accounts}: it may read but not post. Approval removes the row.
 */
@Entity
@Table(name = "account_pending")
public class PendingAccount extends PanacheEntityBase {
  @Id
  @Column(name = "account_id")
  public UUID accountId;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;
}
