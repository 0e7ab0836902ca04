package org.agora.identity.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The latest follow or unfollow between two accounts (last writer by event time wins, so a late or
 * repeated delivery never revives an ended follow). Only {@code active} edges are follows.
 */
@Entity
@Table(
    name = "account_follow",
    indexes = {
      @Index(name = "account_follow_followers", columnList = "followed_id, active, changed_at"),
      @Index(name = "account_follow_following", columnList = "follower_id, active, changed_at")
    })
public class FollowEdge extends PanacheEntityBase {
  /** "follower:followed". */
  @Id public String pair;

  @Column(name = "follower_id", nullable = false)
  public UUID followerId;

  @Column(name = "followed_id", nullable = false)
  public UUID followedId;

  @Column(nullable = false)
  public boolean active;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  public static String pair(UUID from, UUID to) {
    return from + ":" + to;
  }
}
