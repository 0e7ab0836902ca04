package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An uploaded image: its shape and sealed description; the bytes sit sealed in the media store. */
@Entity
@Table(name = "stored_media")
public class StoredMedia extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "owner_id", nullable = false)
  public UUID ownerId;

  @Column(name = "mime_type", nullable = false)
  public String mimeType;

  public int width;
  public int height;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(name = "description_alg")
  public String descriptionAlg;

  @Column(name = "description_nonce")
  public String descriptionNonce;

  @Column(name = "description_ciphertext", columnDefinition = "text")
  public String descriptionCiphertext;

  @Column(name = "uploaded_at", nullable = false)
  public Instant uploadedAt;

  @Column(name = "post_id")
  public UUID postId;
}
