package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The bare id of an erased account (no handle, no profile): a late delivery of its earlier events
 * must not bring the account or its follows back.
 */
@Entity
@Table(name = "erased_account")
public class ErasedAccount extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "erased_at", nullable = false)
  public Instant erasedAt;
}
