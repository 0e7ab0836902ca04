package org.agora.post.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.agora.events.PostId;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.posts.ContentKeyIssued;
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

  public ComposedPost compose(PublishPost command) {
    String text = PostText.normalise(command.status());
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
            now);
    var issued = new ContentKeyIssued(id, kek.id(), kek.wrap(key));
    return new ComposedPost(published, issued, text);
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
  public record ComposedPost(PostPublished event, ContentKeyIssued key, String text) {}
}
