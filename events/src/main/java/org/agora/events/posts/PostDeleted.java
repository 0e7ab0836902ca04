package org.agora.events.posts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;

/**
 * A post was deleted by its author. Its data key (and those of its media) were tombstoned before
 * this event; every projection drops the post on reading it.
 */
public record PostDeleted(PostId postId, AccountId authorId, List<UUID> mediaIds, Instant deletedAt)
    implements PostEvent {
  public static final String TYPE = "agora.post.deleted.v1";

  public PostDeleted {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(deletedAt, "deletedAt");
    mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
