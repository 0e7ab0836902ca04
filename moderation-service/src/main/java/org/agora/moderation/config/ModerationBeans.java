package org.agora.moderation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.agora.moderation.domain.screening.PostScorer;
import org.agora.moderation.domain.screening.ViolenceScorer;

public class ModerationBeans {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  PostScorer scorer() {
    return new ViolenceScorer();
  }
}
