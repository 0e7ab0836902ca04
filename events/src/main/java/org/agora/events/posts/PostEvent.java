package org.agora.events.posts;

import org.agora.events.AgoraEvent;
import org.agora.events.PostId;

/** The stream {@code posts.events}, keyed by post id. */
public sealed interface PostEvent extends AgoraEvent
    permits PostPublished, PostEdited, PostDeleted {
  String TOPIC = "posts.events";

  PostId postId();
}
