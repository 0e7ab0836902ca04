package org.agora.post.storage;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/** Where sealed media bytes live: a directory locally, an S3-compatible bucket later. */
public interface MediaStore {
  Uni<Void> put(UUID mediaId, byte[] sealed);

  Uni<Optional<byte[]>> get(UUID mediaId);

  /** Removes the object; removing what is not there is not an error. */
  Uni<Void> delete(UUID mediaId);
}
