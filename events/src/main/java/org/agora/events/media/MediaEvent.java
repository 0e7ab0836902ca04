package org.agora.events.media;

import java.util.UUID;
import org.agora.events.AgoraEvent;

/** The stream {@code posts.media}, keyed by media id. */
public sealed interface MediaEvent extends AgoraEvent permits MediaUploaded {
  String TOPIC = "posts.media";

  UUID mediaId();
}
