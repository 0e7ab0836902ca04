package org.agora.kit.mastodon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Mastodon's Account entity, as client apps expect it. */
public record MastodonAccount(
    String id,
    String username,
    String acct,
    @JsonProperty("display_name") String displayName,
    boolean locked,
    boolean bot,
    boolean discoverable,
    boolean group,
    @JsonProperty("created_at") Instant createdAt,
    String note,
    String url,
    String uri,
    String avatar,
    @JsonProperty("avatar_static") String avatarStatic,
    String header,
    @JsonProperty("header_static") String headerStatic,
    @JsonProperty("followers_count") long followersCount,
    @JsonProperty("following_count") long followingCount,
    @JsonProperty("statuses_count") long statusesCount,
    @JsonProperty("last_status_at") String lastStatusAt,
    List<Object> emojis,
    List<Object> fields) {

  /**
   * An account with its public profile: {@code displayName} plain text (the handle when empty),
   * {@code noteHtml} already rendered, and its follow counts.
   */
  public static MastodonAccount profile(
      String id,
      String username,
      String displayName,
      String noteHtml,
      Instant createdAt,
      String base,
      long followersCount,
      long followingCount) {
    var minimal = minimal(id, username, createdAt, base);
    return new MastodonAccount(
        id,
        username,
        username,
        displayName == null || displayName.isEmpty() ? username : displayName,
        false,
        false,
        false,
        false,
        createdAt,
        noteHtml == null ? "" : noteHtml,
        minimal.url(),
        minimal.uri(),
        minimal.avatar(),
        minimal.avatarStatic(),
        minimal.header(),
        minimal.headerStatic(),
        followersCount,
        followingCount,
        0,
        null,
        List.of(),
        List.of());
  }

  /** An account known by id and handle only, before its profile has been projected. */
  public static MastodonAccount minimal(
      String id, String username, Instant createdAt, String base) {
    String url = base + "/@" + username;
    return new MastodonAccount(
        id,
        username,
        username,
        username,
        false,
        false,
        false,
        false,
        createdAt,
        "",
        url,
        url,
        base + "/avatars/original/missing.png",
        base + "/avatars/original/missing.png",
        base + "/headers/original/missing.png",
        base + "/headers/original/missing.png",
        0,
        0,
        0,
        null,
        List.of(),
        List.of());
  }
}
