package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.UUID;

/** One block between two accounts, as learned from {@code identity.follows}. */
@Entity
@Table(
    name = "account_block",
    indexes = @Index(name = "account_block_blocked", columnList = "blocked_id, blocker_id"))
public class AccountBlock extends PanacheEntityBase {
  /** "blocker:blocked", so a block is recorded once however often it arrives. */
  @Id public String pair;

  @Column(name = "blocker_id", nullable = false)
  public UUID blockerId;

  @Column(name = "blocked_id", nullable = false)
  public UUID blockedId;

  public static String pair(UUID blocker, UUID blocked) {
    return blocker + ":" + blocked;
  }
}
