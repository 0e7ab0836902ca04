package org.agora.post.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.post.domain.MediaIntake;
import org.agora.post.domain.PostComposer;
import org.agora.post.domain.media.ImageSanitizer;

public class PostBeans {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  PostComposer composer(Clock clock, KeyEncryptionKey kek) {
    return new PostComposer(clock, kek);
  }

  @Produces
  @ApplicationScoped
  MediaIntake mediaIntake(Clock clock, KeyEncryptionKey kek) {
    return new MediaIntake(clock, kek, new ImageSanitizer());
  }
}
