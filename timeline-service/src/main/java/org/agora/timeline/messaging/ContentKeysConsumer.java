package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.timeline.domain.ContentKeyRing;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Keeps the in-memory key ring in step with the compacted key topic, tombstones included. */
@ApplicationScoped
public class ContentKeysConsumer {
  private static final Logger LOG = Logger.getLogger(ContentKeysConsumer.class);

  private final ContentKeyRing ring;
  private final KeyEncryptionKey kek;

  public ContentKeysConsumer(ContentKeyRing ring, KeyEncryptionKey kek) {
    this.ring = ring;
    this.kek = kek;
  }

  @Incoming("content-keys-in")
  public Uni<Void> consume(Message<byte[]> message) {
    String key =
        message
            .getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
            .map(m -> (String) m.getKey())
            .orElse(null);
    apply(key, message.getPayload());
    return Uni.createFrom().completionStage(message.ack());
  }

  void apply(String recordKey, byte[] payload) {
    PostId post;
    try {
      post = PostId.parse(recordKey);
    } catch (RuntimeException e) {
      LOG.warnf("skipping a content key record with key %s", recordKey);
      return;
    }
    if (payload == null) {
      ring.shred(post);
      return;
    }
    try {
      ContentKeyIssued issued = EventCodec.decode(ContentKeyIssued.class, payload);
      ring.put(post, kek.unwrap(issued.kekId(), issued.wrappedKey()));
    } catch (CryptoException | EventCodec.MalformedEventException e) {
      LOG.warnf("cannot use the content key of %s: %s", post, e.getMessage());
    }
  }
}
