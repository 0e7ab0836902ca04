package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A moderation decision already applied, learned from the decision id that {@code AccountSuspended}
 * and {@code AccountReinstated} carry: a decision delivered again is skipped.
 */
@Entity
@Table(name = "applied_decision")
public class AppliedDecision extends PanacheEntityBase {
  @Id
  @Column(name = "decision_id")
  public UUID decisionId;

  @Column(name = "account_id", nullable = false)
  public UUID accountId;
}
