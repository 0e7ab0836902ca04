package org.agora.post.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of Mastodon's POST /api/v1/statuses, as JSON or form fields. */
public record StatusRequest(
    String status,
    @JsonProperty("in_reply_to_id") String inReplyToId,
    String language,
    String visibility,
    Boolean sensitive,
    @JsonProperty("spoiler_text") String spoilerText,
    @JsonProperty("media_ids") List<String> mediaIds) {}
