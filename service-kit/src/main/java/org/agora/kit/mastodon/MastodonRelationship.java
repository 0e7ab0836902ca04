package org.agora.kit.mastodon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Mastodon's Relationship entity: how the caller and one other account stand. */
public record MastodonRelationship(
    String id,
    boolean following,
    @JsonProperty("showing_reblogs") boolean showingReblogs,
    boolean notifying,
    List<String> languages,
    @JsonProperty("followed_by") boolean followedBy,
    boolean blocking,
    @JsonProperty("blocked_by") boolean blockedBy,
    boolean muting,
    @JsonProperty("muting_notifications") boolean mutingNotifications,
    boolean requested,
    @JsonProperty("requested_by") boolean requestedBy,
    @JsonProperty("domain_blocking") boolean domainBlocking,
    boolean endorsed,
    String note) {

  /** Agora has no mutes, follow requests or domain blocks yet: those are always false. */
  public static MastodonRelationship of(
      String id, boolean following, boolean followedBy, boolean blocking, boolean blockedBy) {
    return new MastodonRelationship(
        id,
        following,
        following,
        false,
        null,
        followedBy,
        blocking,
        blockedBy,
        false,
        false,
        false,
        false,
        false,
        false,
        "");
  }
}
