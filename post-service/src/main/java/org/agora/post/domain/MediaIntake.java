package org.agora.post.domain;

import java.time.Clock;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.media.MediaKeyIssued;
import org.agora.events.media.MediaUploaded;
import org.agora.post.domain.media.ImageSanitizer;
import org.agora.post.domain.media.SanitizedImage;

/**
 * Decides what an upload becomes: the image stripped of its metadata, sealed under a fresh media
 * key, the wrapped key and the {@link MediaUploaded} event. Nothing of the upload as sent is kept.
 */
public final class MediaIntake {
  public static final int MAX_DESCRIPTION = 1500;

  private final Clock clock;
  private final KeyEncryptionKey kek;
  private final ImageSanitizer sanitizer;

  public MediaIntake(Clock clock, KeyEncryptionKey kek, ImageSanitizer sanitizer) {
    this.clock = clock;
    this.kek = kek;
    this.sanitizer = sanitizer;
  }

  public AcceptedMedia accept(
      AccountId owner, byte[] upload, String declaredType, String description) {
    String alt =
        description == null || description.isBlank()
            ? null
            : PostText.normalise("description", description, MAX_DESCRIPTION);
    SanitizedImage image = sanitizer.sanitize(upload, declaredType);
    UUID id = UUID.randomUUID();
    DataKey key = DataKey.generate();
    var event =
        new MediaUploaded(
            id,
            owner,
            image.type().mimeType(),
            image.width(),
            image.height(),
            image.size(),
            alt == null ? null : key.seal(alt, id.toString()),
            clock.instant());
    return new AcceptedMedia(
        event,
        new MediaKeyIssued(id, kek.id(), kek.wrap(key)),
        key.sealBytes(image.bytes(), id.toString()),
        key,
        alt);
  }

  /** What one upload appends and stores; the key and description stay in memory. */
  public record AcceptedMedia(
      MediaUploaded event,
      MediaKeyIssued key,
      byte[] sealed,
      DataKey dataKey,
      String description) {}
}
