package org.agora.post.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;

/**
 * Decides what publishing a post appends to the log: the post's wrapped data key and the {@link
 * PostPublished} event whose text is sealed under it. Plaintext leaves only inside {@link
 * ComposedPost} for the answer to the author.
 */
public final class PostComposer {
  public static final Set<String> VISIBILITIES = Set.of("public", "unlisted");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private final Clock clock;
  private final KeyEncryptionKey kek;

  public PostComposer(Clock clock, KeyEncryptionKey kek) {
    this.clock = clock;
    this.kek = kek;
  }

  public static final int MAX_MEDIA = 4;

  public ComposedPost compose(PublishPost command) {
    List<UUID> media = mediaIds(command.mediaIds());
    String text =
        media.isEmpty() || (command.status() != null && !command.status().isBlank())
            ? PostText.normalise(command.status())
            : "";
    String visibility = visibility(command.visibility());
    String language = language(command.language());
    PostId inReplyTo = inReplyTo(command.inReplyToId());

    Instant now = clock.instant();
    PostId id = PostId.newId(now);
    DataKey key = DataKey.generate();
    var published =
        new PostPublished(
            id,
            command.author(),
            key.seal(text, id.toString()),
            language,
            inReplyTo,
            visibility,
            now,
            media);
    var issued = new ContentKeyIssued(id, kek.id(), kek.wrap(key));
    return new ComposedPost(published, issued, key, text);
  }

  /** Seals new text under the post's existing key, so an edit shreds with the post. */
  public PostEdited edit(
      PostId post, AccountId author, String status, String language, DataKey key) {
    String text = PostText.normalise(status);
    return new PostEdited(
        post, author, key.seal(text, post.toString()), language(language), clock.instant());
  }

  private static List<UUID> mediaIds(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of();
    }
    if (requested.size() > MAX_MEDIA) {
      throw new PostRejected(
          "media_ids: " + requested.size() + " attachments, at most " + MAX_MEDIA);
    }
    var ids = new LinkedHashSet<UUID>();
    for (String raw : requested) {
      try {
        if (!ids.add(UUID.fromString(raw))) {
          throw new PostRejected("media_ids: " + raw + " is attached twice");
        }
      } catch (IllegalArgumentException e) {
        throw new PostRejected("media_ids: " + raw + " is not a media id");
      }
    }
    return List.copyOf(ids);
  }

  private static String visibility(String requested) {
    if (requested == null || requested.isBlank()) {
      return "public";
    }
    if (!VISIBILITIES.contains(requested)) {
      throw new PostRejected(
          "visibility: '" + requested + "' is not supported, use public or unlisted");
    }
    return requested;
  }

  private static String language(String requested) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    String code = requested.toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(code).matches()) {
      throw new PostRejected("language: must be an ISO 639 code of 2 or 3 letters");
    }
    return code;
  }

  private static PostId inReplyTo(String requested) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    try {
      return PostId.parse(requested);
    } catch (IllegalArgumentException e) {
      throw new PostRejected("in_reply_to_id: not a status id");
    }
  }

  /** What one publish appends, plus the plaintext the author's answer may show. */
  public record ComposedPost(
      PostPublished event, ContentKeyIssued key, DataKey dataKey, String text) {}
}
