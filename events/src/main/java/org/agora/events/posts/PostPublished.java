package org.agora.events.posts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;

/**
 * A post was published. Its text travels only as ciphertext under the post's data key; attached
 * media are named by id (their bytes live encrypted in the media store).
 */
public record PostPublished(
    PostId postId,
    AccountId authorId,
    EncryptedContent content,
    String language,
    PostId inReplyToId,
    String visibility,
    Instant publishedAt,
    List<UUID> mediaIds)
    implements PostEvent {
  public static final String TYPE = "agora.post.published.v1";

  public PostPublished {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(publishedAt, "publishedAt");
    mediaIds = mediaIds == null || mediaIds.isEmpty() ? null : List.copyOf(mediaIds);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
