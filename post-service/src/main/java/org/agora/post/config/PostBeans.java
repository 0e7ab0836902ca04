package org.agora.post.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.post.domain.PostComposer;

public class PostBeans {
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
  PostComposer composer(Clock clock, KeyEncryptionKey kek) {
    return new PostComposer(clock, kek);
  }
}
