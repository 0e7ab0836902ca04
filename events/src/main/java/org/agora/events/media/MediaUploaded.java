package org.agora.events.media;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;

/**
 * An image was uploaded, stripped of its metadata and stored encrypted under the media's own data
 * key (on {@code posts.content-keys}, keyed by media id). The description is sealed the same way.
 */
public record MediaUploaded(
    UUID mediaId,
    AccountId ownerId,
    String mimeType,
    int width,
    int height,
    long sizeBytes,
    EncryptedContent description,
    Instant uploadedAt)
    implements MediaEvent {
  public static final String TYPE = "agora.media.uploaded.v1";

  public MediaUploaded {
    Objects.requireNonNull(mediaId, "mediaId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
