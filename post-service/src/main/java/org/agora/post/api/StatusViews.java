package org.agora.post.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.EncryptedContent;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.kit.mastodon.MastodonMediaAttachment;
import org.agora.kit.mastodon.MastodonStatus;
import org.agora.post.projection.PostRevision;
import org.agora.post.projection.PostStore;
import org.agora.post.projection.StoredMedia;
import org.agora.post.projection.StoredPost;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens stored posts in memory and renders Mastodon entities. Without its key (shredded, or not yet
 * read at boot) a post has no content and is not shown.
 */
@ApplicationScoped
public class StatusViews {
  private final ContentKeyRing keys;
  private final PostStore store;
  private final String publicUrl;

  public StatusViews(
      ContentKeyRing keys,
      PostStore store,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.keys = keys;
    this.store = store;
    this.publicUrl = publicUrl;
  }

  public Optional<String> text(StoredPost post) {
    return keys.find(post.id)
        .flatMap(
            key -> open(key, post.contentAlg, post.contentNonce, post.contentCiphertext, post.id));
  }

  public Uni<Optional<MastodonStatus>> status(StoredPost post, String username) {
    Optional<String> text = text(post);
    if (text.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return store
        .media(post.media())
        .map(
            media ->
                Optional.of(
                        MastodonStatus.of(
                            post.id.toString(),
                            post.publishedAt,
                            post.editedAt,
                            post.inReplyToId == null ? null : post.inReplyToId.toString(),
                            post.visibility,
                            post.language,
                            text.get(),
                            account(post.authorId, username),
                            ordered(post.media(), media),
                            publicUrl))
                    .map(status -> post.labeledAt == null ? status : status.markedSensitive()));
  }

  /** Mastodon's StatusEdit entities, oldest first, as far as their key still opens them. */
  public List<StatusEdit> history(StoredPost post, List<PostRevision> revisions, String username) {
    var account = account(post.authorId, username);
    return revisions.stream()
        .flatMap(
            revision ->
                keys
                    .find(post.id)
                    .flatMap(
                        key ->
                            open(
                                key,
                                revision.contentAlg,
                                revision.contentNonce,
                                revision.contentCiphertext,
                                post.id))
                    .map(text -> StatusEdit.of(text, revision.createdAt, account))
                    .stream())
        .toList();
  }

  public MastodonMediaAttachment attachment(StoredMedia media) {
    String description =
        media.descriptionCiphertext == null
            ? null
            : keys.find(media.id)
                .flatMap(
                    key ->
                        open(
                            key,
                            media.descriptionAlg,
                            media.descriptionNonce,
                            media.descriptionCiphertext,
                            media.id))
                .orElse(null);
    return MastodonMediaAttachment.image(
        media.id.toString(), mediaUrl(media.id), media.width, media.height, description);
  }

  public String mediaUrl(UUID id) {
    return publicUrl + MediaFileResource.PATH + "/" + id;
  }

  public MastodonAccount account(UUID authorId, String username) {
    // TODO(#3): handle and display name from the accounts projection once identity publishes them.
    return MastodonAccount.minimal(
        authorId.toString(), username == null ? authorId.toString() : username, null, publicUrl);
  }

  private List<MastodonMediaAttachment> ordered(List<UUID> order, List<StoredMedia> media) {
    return order.stream()
        .flatMap(id -> media.stream().filter(m -> m.id.equals(id)).findFirst().stream())
        .map(this::attachment)
        .toList();
  }

  private static Optional<String> open(
      DataKey key, String alg, String nonce, String ciphertext, UUID id) {
    try {
      return Optional.of(key.open(new EncryptedContent(alg, nonce, ciphertext), id.toString()));
    } catch (CryptoException e) {
      return Optional.empty();
    }
  }

  /** Mastodon's StatusEdit entity. */
  public record StatusEdit(
      String content,
      @com.fasterxml.jackson.annotation.JsonProperty("spoiler_text") String spoilerText,
      boolean sensitive,
      @com.fasterxml.jackson.annotation.JsonProperty("created_at") Instant createdAt,
      MastodonAccount account,
      Object poll,
      @com.fasterxml.jackson.annotation.JsonProperty("media_attachments") List<Object> media,
      List<Object> emojis) {
    static StatusEdit of(String text, Instant at, MastodonAccount account) {
      return new StatusEdit(
          org.agora.kit.mastodon.StatusHtml.render(text),
          "",
          false,
          at,
          account,
          null,
          List.of(),
          List.of());
    }
  }
}
