package org.agora.timeline.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a batch made visible, reported once its transaction has committed. */
final class BatchContext {
  final boolean live;
  final List<Instant> newlyVisible = new ArrayList<>();
  int applied;

  BatchContext(boolean live) {
    this.live = live;
  }
}
