package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * When an account published, for the rate limit: no post id and no content, and rows older than the
 * window are pruned. Deleting a post does not give its slot back.
 */
@Entity
@Table(
    name = "publish_record",
    indexes = @Index(name = "publish_record_author", columnList = "author_id, published_at"))
public class PublishRecord extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "author_id", nullable = false)
  public UUID authorId;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;
}
