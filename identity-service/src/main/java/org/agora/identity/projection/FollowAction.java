package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One {@code AccountFollowed} event (by its id), counted against the daily follow limit. */
@Entity
@Table(
    name = "follow_action",
    indexes = @Index(name = "follow_action_by", columnList = "follower_id, followed_at"))
public class FollowAction extends PanacheEntityBase {
  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "follower_id", nullable = false)
  public UUID followerId;

  @Column(name = "followed_at", nullable = false)
  public Instant followedAt;
}
