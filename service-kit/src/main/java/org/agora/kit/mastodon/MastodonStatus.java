package org.agora.kit.mastodon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Mastodon's Status entity. Content is HTML, as Mastodon serves it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MastodonStatus(
    String id,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("in_reply_to_id") String inReplyToId,
    @JsonProperty("in_reply_to_account_id") String inReplyToAccountId,
    boolean sensitive,
    @JsonProperty("spoiler_text") String spoilerText,
    String visibility,
    String language,
    String uri,
    String url,
    @JsonProperty("replies_count") long repliesCount,
    @JsonProperty("reblogs_count") long reblogsCount,
    @JsonProperty("favourites_count") long favouritesCount,
    @JsonProperty("edited_at") Instant editedAt,
    boolean favourited,
    boolean reblogged,
    boolean muted,
    boolean bookmarked,
    boolean pinned,
    String content,
    Object reblog,
    Object application,
    MastodonAccount account,
    @JsonProperty("media_attachments") List<MastodonMediaAttachment> mediaAttachments,
    List<Object> mentions,
    List<Object> tags,
    List<Object> emojis,
    Object card,
    Object poll,
    String text) {

  public static MastodonStatus of(
      String id,
      Instant createdAt,
      String inReplyToId,
      String visibility,
      String language,
      String plainText,
      MastodonAccount account,
      String base) {
    return of(
        id,
        createdAt,
        null,
        inReplyToId,
        visibility,
        language,
        plainText,
        account,
        List.of(),
        base);
  }

  public static MastodonStatus of(
      String id,
      Instant createdAt,
      Instant editedAt,
      String inReplyToId,
      String visibility,
      String language,
      String plainText,
      MastodonAccount account,
      List<MastodonMediaAttachment> media,
      String base) {
    String url = base + "/@" + account.username() + "/" + id;
    return new MastodonStatus(
        id,
        createdAt,
        inReplyToId,
        null,
        false,
        "",
        visibility,
        language,
        url,
        url,
        0,
        0,
        0,
        editedAt,
        false,
        false,
        false,
        false,
        false,
        plainText.isEmpty() ? "" : StatusHtml.render(plainText),
        null,
        null,
        account,
        List.copyOf(media),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        plainText);
  }

  /** The same status marked sensitive (a moderator's label): apps show it behind a warning. */
  public MastodonStatus markedSensitive() {
    return new MastodonStatus(
        id,
        createdAt,
        inReplyToId,
        inReplyToAccountId,
        true,
        spoilerText,
        visibility,
        language,
        uri,
        url,
        repliesCount,
        reblogsCount,
        favouritesCount,
        editedAt,
        favourited,
        reblogged,
        muted,
        bookmarked,
        pinned,
        content,
        reblog,
        application,
        account,
        mediaAttachments,
        mentions,
        tags,
        emojis,
        card,
        poll,
        text);
  }
}
