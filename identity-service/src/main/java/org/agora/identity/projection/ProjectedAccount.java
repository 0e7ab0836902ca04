package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.EncryptedContent;

/**
 * An account as projected from {@code identity.accounts}: its handle, standing and the profile
 * fields in their sealed form (opened in memory with the key from {@code identity.account-keys}).
 */
@Entity
@Table(name = "identity_account")
public class ProjectedAccount extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false, unique = true, length = 64)
  public String handle;

  /** active, pending_approval or suspended. */
  @Column(nullable = false, length = 32)
  public String state;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "display_name_alg", length = 16)
  public String displayNameAlg;

  @Column(name = "display_name_nonce", length = 32)
  public String displayNameNonce;

  @Column(name = "display_name_ciphertext", columnDefinition = "text")
  public String displayNameCiphertext;

  @Column(name = "note_alg", length = 16)
  public String noteAlg;

  @Column(name = "note_nonce", length = 32)
  public String noteNonce;

  @Column(name = "note_ciphertext", columnDefinition = "text")
  public String noteCiphertext;

  @Column(name = "profile_changed_at")
  public Instant profileChangedAt;

  /** Set once the account's data key is on the key topic: never issue a second one. */
  @Column(name = "key_issued", nullable = false)
  public boolean keyIssued;

  @Column(name = "suspended_at")
  public Instant suspendedAt;

  /** Null while suspended: permanently. */
  @Column(name = "suspended_until")
  public Instant suspendedUntil;

  @Column(name = "suspension_decision")
  public UUID suspensionDecision;

  public EncryptedContent displayName() {
    return displayNameCiphertext == null
        ? null
        : new EncryptedContent(displayNameAlg, displayNameNonce, displayNameCiphertext);
  }

  public EncryptedContent note() {
    return noteCiphertext == null ? null : new EncryptedContent(noteAlg, noteNonce, noteCiphertext);
  }
}
