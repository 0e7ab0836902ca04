package org.agora.timeline.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A post as the timelines know it. The text stays sealed (ciphertext and nonce as they came on the
 * log) and is opened in memory when served; the data key never comes here.
 */
@Entity
@Table(
    name = "projected_post",
    indexes = @Index(name = "projected_post_author", columnList = "author_id, id"))
public class ProjectedPost extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "author_id", nullable = false)
  public UUID authorId;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "in_reply_to_id")
  public UUID inReplyToId;

  public String language;

  @Column(nullable = false)
  public String visibility;

  @Column(name = "content_alg", nullable = false)
  public String contentAlg;

  @Column(name = "content_nonce", nullable = false)
  public String contentNonce;

  @Column(name = "content_ciphertext", nullable = false, columnDefinition = "text")
  public String contentCiphertext;

  @Column(name = "edited_at")
  public Instant editedAt;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;
}
