package org.agora.post.projection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A live post as post-service knows it: sealed text, never the key. Deleted posts have no row. */
@Entity
@Table(name = "stored_post")
public class StoredPost extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "author_id", nullable = false)
  public UUID authorId;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "edited_at")
  public Instant editedAt;

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

  /** Set while a moderation decision keeps the post down; the post is then shown nowhere. */
  @Column(name = "removed_at")
  public Instant removedAt;

  /** Set when a moderator labelled the post sensitive: apps show it behind a warning. */
  @Column(name = "labeled_at")
  public Instant labeledAt;

  /** Set while screening holds the post for review: only its author sees it meanwhile. */
  @Column(name = "held_at")
  public Instant heldAt;

  /** Attached media ids, comma-separated, in the author's order. */
  @Column(name = "media_ids", columnDefinition = "text")
  public String mediaIds;

  public List<UUID> media() {
    return mediaIds == null || mediaIds.isBlank()
        ? List.of()
        : Arrays.stream(mediaIds.split(",")).map(UUID::fromString).toList();
  }
}
