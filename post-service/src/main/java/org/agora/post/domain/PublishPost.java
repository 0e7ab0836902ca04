package org.agora.post.domain;

import java.util.List;
import org.agora.events.AccountId;

/** The command to publish a post, as the author sent it (not yet validated). */
public record PublishPost(
    AccountId author,
    String status,
    String inReplyToId,
    String language,
    String visibility,
    List<String> mediaIds) {
  public PublishPost(
      AccountId author, String status, String inReplyToId, String language, String visibility) {
    this(author, status, inReplyToId, language, visibility, List.of());
  }
}
