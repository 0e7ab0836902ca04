package org.agora.events.posts;

import java.util.Objects;
import org.agora.events.AgoraEvent;
import org.agora.events.PostId;

/**
 * The value on the compacted topic {@code posts.content-keys}, keyed by post id: the post's data
 * key wrapped (AES key wrap, RFC 3394) by the key-encryption key named {@code kekId}. A tombstone
 * (null value) under the same key shreds the post.
 */
public record ContentKeyIssued(PostId postId, String kekId, String wrappedKey)
    implements AgoraEvent {
  public static final String TYPE = "agora.post.content-key.issued.v1";
  public static final String TOPIC = "posts.content-keys";

  public ContentKeyIssued {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(wrappedKey, "wrappedKey");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
