package org.agora.kit.keys;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.events.crypto.DataKey;

/**
 * The unwrapped data keys (of posts and media) this instance knows, in memory only. A tombstone on
 * the key topic removes a key, after which that content can no longer be opened here.
 */
public final class ContentKeyRing {
  private final ConcurrentHashMap<UUID, DataKey> keys = new ConcurrentHashMap<>();
  private static final int UNUSABLE_CAP = 100_000;
  private final java.util.Set<UUID> unusable = ConcurrentHashMap.newKeySet();

  public void put(UUID id, DataKey key) {
    keys.put(id, key);
    unusable.remove(id);
  }

  public void shred(UUID id) {
    keys.remove(id);
    markUnusable(id);
  }

  /**
   * A key record arrived but cannot be opened here (another KEK), or was shredded: waiting for it
   * is futile. Bounded: past the cap the memory is dropped, which costs only a wait.
   */
  public void markUnusable(UUID id) {
    if (unusable.size() >= UNUSABLE_CAP) {
      unusable.clear();
    }
    unusable.add(id);
  }

  public boolean isUnusable(UUID id) {
    return unusable.contains(id);
  }

  public Optional<DataKey> find(UUID id) {
    return Optional.ofNullable(keys.get(id));
  }

  public int size() {
    return keys.size();
  }

  private final ConcurrentHashMap<Integer, Long> positions = new ConcurrentHashMap<>();

  /** The key topic has been read up to (excluding) {@code nextOffset} in this partition. */
  public void advanced(int partition, long nextOffset) {
    positions.merge(partition, nextOffset, Math::max);
  }

  /**
   * Whether this ring has read every record before the given end offsets (partition → offset). Then
   * a key it does not hold was never issued here, or was shredded: waiting longer is futile.
   */
  public boolean hasRead(java.util.Map<Integer, Long> endOffsets) {
    return endOffsets.entrySet().stream()
        .allMatch(end -> end.getValue() <= positions.getOrDefault(end.getKey(), 0L));
  }
}
