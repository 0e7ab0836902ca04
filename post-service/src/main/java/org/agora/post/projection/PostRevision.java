package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a post's text (the original and each edit), sealed under the post's key. */
@Entity
@Table(
    name = "post_revision",
    indexes = @Index(name = "post_revision_post", columnList = "post_id"))
public class PostRevision extends PanacheEntityBase {
  /** The id of the event that made this version, so a replay adds nothing. */
  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "post_id", nullable = false)
  public UUID postId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public String language;

  @Column(name = "content_alg", nullable = false)
  public String contentAlg;

  @Column(name = "content_nonce", nullable = false)
  public String contentNonce;

  @Column(name = "content_ciphertext", nullable = false, columnDefinition = "text")
  public String contentCiphertext;
}
