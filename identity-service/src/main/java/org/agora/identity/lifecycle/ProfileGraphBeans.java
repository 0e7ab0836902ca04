package org.agora.identity.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.identity.domain.graph.FollowLimit;
import org.agora.identity.domain.profile.ProfileEditor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The domain rules of profiles and the graph, with their configuration. */
public class ProfileGraphBeans {
  @Produces
  @ApplicationScoped
  ProfileEditor profileEditor(KeyEncryptionKey kek) {
    return new ProfileEditor(Clock.systemUTC(), kek);
  }

  @Produces
  @ApplicationScoped
  FollowLimit followLimit(
      @ConfigProperty(name = "agora.follows.max-per-day", defaultValue = "400") int maxPerDay) {
    return new FollowLimit(maxPerDay, Clock.systemUTC());
  }
}
