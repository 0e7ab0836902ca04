package org.agora.events.media;

import java.util.Objects;
import java.util.UUID;
import org.agora.events.AgoraEvent;

/**
 * A media object's data key, wrapped like a post's, on {@code posts.content-keys} keyed by media
 * id. Deleting the post that carries the media tombstones it.
 */
public record MediaKeyIssued(UUID mediaId, String kekId, String wrappedKey) implements AgoraEvent {
  public static final String TYPE = "agora.media.key.issued.v1";

  public MediaKeyIssued {
    Objects.requireNonNull(mediaId, "mediaId");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(wrappedKey, "wrappedKey");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
