package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest block or unblock between two accounts (last writer by event time wins). */
@Entity
@Table(
    name = "account_block",
    indexes = {
      @Index(name = "account_block_blocker", columnList = "blocker_id, active, changed_at"),
      @Index(name = "account_block_blocked", columnList = "blocked_id, active")
    })
public class BlockEdge extends PanacheEntityBase {
  /** "blocker:blocked". */
  @Id public String pair;

  @Column(name = "blocker_id", nullable = false)
  public UUID blockerId;

  @Column(name = "blocked_id", nullable = false)
  public UUID blockedId;

  @Column(nullable = false)
  public boolean active;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;
}
