package org.agora.events.posts;

import java.time.Instant;
import java.util.Objects;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;

/** The author replaced a post's text; sealed under the same data key, so it shreds with it. */
public record PostEdited(
    PostId postId, AccountId authorId, EncryptedContent content, String language, Instant editedAt)
    implements PostEvent {
  public static final String TYPE = "agora.post.edited.v1";

  public PostEdited {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(editedAt, "editedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
