package org.agora.timeline.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Moderation's word on a post: the screening verdict (timelines show only cleared posts) and a
 * removal, if one stands. Kept apart from the post because either may arrive first.
 */
@Entity
@Table(name = "post_screening")
public class PostScreening extends PanacheEntityBase {
  @Id
  @Column(name = "post_id")
  public UUID postId;

  @Column(nullable = false)
  public String verdict;

  @Column(name = "screened_at", nullable = false)
  public Instant screenedAt;

  @Column(name = "removed_at")
  public Instant removedAt;
}
