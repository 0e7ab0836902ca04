package org.agora.timeline.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.keys.KeyTopicReader;
import org.agora.timeline.projection.RenderedStatuses;

public class TimelineBeans {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Profile keys of accounts (from {@code identity.account-keys}), apart from post keys. */
  @Produces
  @ApplicationScoped
  @AccountKeys
  ContentKeyRing accountKeyRing() {
    return new ContentKeyRing();
  }

  @Produces
  @ApplicationScoped
  @AccountKeys
  KeyTopicReader accountKeyReader(@AccountKeys ContentKeyRing ring, KeyEncryptionKey kek) {
    return new KeyTopicReader(ring, kek);
  }

  /** A singleton: the renderer consults it for every row, without a client proxy between. */
  @Produces
  @Singleton
  RenderedStatuses renderedStatuses(TimelineConfig config) {
    return new RenderedStatuses(config.statusCache().maxBytes(), config.statusCache().maxAge());
  }
}
