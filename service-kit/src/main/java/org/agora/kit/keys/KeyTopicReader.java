package org.agora.kit.keys;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.EventCodec;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies one record of the compacted key topic to a {@link ContentKeyRing}: a post or media key is
 * unwrapped into memory, a tombstone shreds it. Records it cannot use are logged and skipped.
 */
public final class KeyTopicReader {
  private static final Logger LOG = Logger.getLogger(KeyTopicReader.class);

  private final ContentKeyRing ring;
  private final KeyEncryptionKey kek;
  private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public KeyTopicReader(ContentKeyRing ring, KeyEncryptionKey kek) {
    this.ring = ring;
    this.kek = kek;
  }

  /** Applies a record as a channel delivers it (the record key is the post or media id). */
  public Optional<UUID> apply(Message<byte[]> message) {
    var metadata = message.getMetadata(IncomingKafkaRecordMetadata.class);
    String key = metadata.map(m -> String.valueOf(m.getKey())).orElse(null);
    Optional<UUID> shredded = apply(key, message.getPayload());
    metadata.ifPresent(m -> ring.advanced(m.getPartition(), m.getOffset() + 1));
    return shredded;
  }

  /** Applies the record; returns the id it shredded when the record was a tombstone. */
  public Optional<UUID> apply(String recordKey, byte[] payload) {
    UUID id;
    try {
      id = UUID.fromString(recordKey);
    } catch (RuntimeException e) {
      LOG.warnf("skipping a key record with key %s", recordKey);
      return Optional.empty();
    }
    if (payload == null) {
      ring.shred(id);
      return Optional.of(id);
    }
    try {
      ring.put(id, unwrap(payload));
    } catch (CryptoException | EventCodec.MalformedEventException e) {
      ring.markUnusable(id);
      // NOTE: keys under another KEK (another environment sharing the topic, or one not yet
      // rotated in) come in bulk; say so once per reason, not once per record.
      if (reported.add(e.getMessage().replaceAll("[0-9a-f-]{36}", "<id>"))) {
        LOG.warnf("cannot use the key of %s (and others alike): %s", id, e.getMessage());
      }
    }
    return Optional.empty();
  }

  private DataKey unwrap(byte[] payload) {
    EventCodec.WrappedKey wrapped = EventCodec.wrappedKey(payload);
    return kek.unwrap(wrapped.kekId(), wrapped.wrappedKey());
  }
}
