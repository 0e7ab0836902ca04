package org.agora.identity.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.agora.identity.domain.graph.FollowLimit;
import org.agora.identity.domain.graph.GraphRefused;
import org.junit.jupiter.api.Test;

class FollowLimitTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private final FollowLimit limit = new FollowLimit(400, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theWindowIsTheLast24Hours() {
    assertThat(limit.windowStart()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
  }

  @Test
  void followsUpToTheLimitPassAndTheNextIsRefusedNamingTheLimit() {
    limit.check(0);
    limit.check(399);
    assertThatThrownBy(() -> limit.check(400))
        .isInstanceOf(GraphRefused.class)
        .hasMessage("Too many follows: at most 400 per account in 24 hours")
        .extracting(e -> ((GraphRefused) e).reason())
        .isEqualTo(GraphRefused.Reason.TOO_MANY);
  }

  @Test
  void aLimitBelowOneIsAConfigurationError() {
    assertThatThrownBy(() -> new FollowLimit(0, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agora.follows.max-per-day");
  }
}
