package org.agora.timeline.projection;

import io.smallrye.mutiny.Uni;

/**
 * Names the log the projection is read from. Positions stored with the projection only mean
 * something on that log: on another one (a new cluster, or one restored from an export) the same
 * offsets hold other records.
 */
public interface LogIdentity {
  Uni<String> current();
}
