package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A suspended account, as learned from {@code identity.accounts}; reinstated accounts have none.
 */
@Entity
@Table(name = "account_suspension")
public class AccountStanding extends PanacheEntityBase {
  @Id
  @Column(name = "account_id")
  public UUID accountId;

  /** Null: suspended permanently. */
  public Instant until;

  @Column(name = "suspended_at", nullable = false)
  public Instant suspendedAt;
}
