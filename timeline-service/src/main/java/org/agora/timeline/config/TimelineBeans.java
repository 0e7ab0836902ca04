package org.agora.timeline.config;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.timeline.domain.ContentKeyRing;

public class TimelineBeans {
  @ConfigMapping(prefix = "agora.content")
  public interface ContentKeyConfig {
    String kek();

    String kekId();
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  KeyEncryptionKey keyEncryptionKey(ContentKeyConfig config) {
    return KeyEncryptionKey.fromBase64(config.kekId(), config.kek());
  }

  @Produces
  @ApplicationScoped
  ContentKeyRing contentKeyRing() {
    return new ContentKeyRing();
  }
}
