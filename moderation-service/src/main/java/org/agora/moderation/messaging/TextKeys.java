package org.agora.moderation.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.EncryptedContent;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.events.reports.ReportKeyIssued;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.moderation.config.ModerationBeans.ModerationKek;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The data keys of report comments and appeal texts: read whole from the compacted {@code
 * moderation.report-keys} at boot, held in memory only, written through when this instance seals.
 */
@ApplicationScoped
public class TextKeys {
  private final ContentKeyRing ring = new ContentKeyRing();
  private final KeyTopicReader reader;
  private final ModerationKek kek;

  public TextKeys(ModerationKek kek) {
    this.kek = kek;
    this.reader = new KeyTopicReader(ring, kek.kek());
  }

  @Incoming("report-keys-in")
  public Uni<Void> consume(Message<byte[]> message) {
    reader.apply(message);
    return Uni.createFrom().completionStage(message.ack());
  }

  /** A fresh key for {@code id}'s text, kept here and returned with its key record. */
  public Sealing seal(UUID id, String text) {
    DataKey key = DataKey.generate();
    ring.put(id, key);
    EncryptedContent sealed = text == null || text.isEmpty() ? null : key.seal(text, id.toString());
    return new Sealing(new ReportKeyIssued(id, kek.kek().id(), kek.kek().wrap(key)), sealed);
  }

  public record Sealing(ReportKeyIssued key, EncryptedContent sealed) {}

  /** The text, or empty when it was never written or its key is gone. */
  public Optional<String> open(UUID id, EncryptedContent sealed) {
    if (sealed == null) {
      return Optional.empty();
    }
    try {
      return ring.find(id).map(key -> key.open(sealed, id.toString()));
    } catch (CryptoException e) {
      return Optional.empty();
    }
  }
}
