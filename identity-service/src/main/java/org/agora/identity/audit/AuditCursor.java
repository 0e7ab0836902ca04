package org.agora.identity.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far one Keycloak event stream has been copied: events are re-read with an overlap (a commit
 * may land after a later event's), and the ids seen within it are skipped.
 */
public final class AuditCursor {
  public static final Duration OVERLAP = Duration.ofSeconds(10);

  private Instant latest;
  private final Map<String, Instant> seen = new HashMap<>();

  public AuditCursor(Instant latest) {
    this.latest = latest;
  }

  /** The time to ask Keycloak for events from. */
  public Instant from() {
    return latest.minus(OVERLAP);
  }

  public boolean isNew(String id) {
    return !seen.containsKey(id);
  }

  public void copied(String id, Instant at) {
    seen.put(id, at);
    if (at.isAfter(latest)) {
      latest = at;
    }
    Instant horizon = latest.minus(OVERLAP).minus(OVERLAP);
    seen.values().removeIf(t -> t.isBefore(horizon));
  }

  public Instant latest() {
    return latest;
  }
}
