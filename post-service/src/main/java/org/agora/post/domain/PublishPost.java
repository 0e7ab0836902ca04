package org.agora.post.domain;

import org.agora.events.AccountId;

/** The command to publish a post, as the author sent it (not yet validated). */
public record PublishPost(
    AccountId author, String status, String inReplyToId, String language, String visibility) {}
