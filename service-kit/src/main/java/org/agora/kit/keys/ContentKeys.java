package org.agora.kit.keys;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.agora.events.crypto.KeyEncryptionKey;

/** The key-encryption key from configuration and the in-memory key ring of this instance. */
public class ContentKeys {
  @ConfigMapping(prefix = "agora.content")
  public interface Config {
    /** Base64 of the 32-byte key-encryption key; required by services that touch content. */
    Optional<String> kek();

    Optional<String> kekId();
  }

  @Produces
  @ApplicationScoped
  KeyEncryptionKey keyEncryptionKey(Config config) {
    return KeyEncryptionKey.fromBase64(
        config
            .kekId()
            .orElseThrow(() -> new IllegalStateException("agora.content.kek-id is not set")),
        config.kek().orElseThrow(() -> new IllegalStateException("agora.content.kek is not set")));
  }

  @Produces
  @ApplicationScoped
  ContentKeyRing contentKeyRing() {
    return new ContentKeyRing();
  }

  @Produces
  @ApplicationScoped
  KeyTopicReader keyTopicReader(ContentKeyRing ring, KeyEncryptionKey kek) {
    return new KeyTopicReader(ring, kek);
  }
}
