package org.agora.timeline.domain;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.events.PostId;
import org.agora.events.crypto.DataKey;

/**
 * The unwrapped data keys this instance knows, in memory only. A tombstone on the key topic removes
 * a key, after which that post's content can no longer be opened here.
 */
public final class ContentKeyRing {
  private final ConcurrentHashMap<PostId, DataKey> keys = new ConcurrentHashMap<>();

  public void put(PostId post, DataKey key) {
    keys.put(post, key);
  }

  public void shred(PostId post) {
    keys.remove(post);
  }

  public Optional<DataKey> find(PostId post) {
    return Optional.ofNullable(keys.get(post));
  }

  public int size() {
    return keys.size();
  }
}
