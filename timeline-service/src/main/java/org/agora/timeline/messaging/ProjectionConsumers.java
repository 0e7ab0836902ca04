package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.timeline.projection.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four projected streams, each consumed in batches (one poll, one transaction). Offsets are
 * committed only after the transaction; a failure stops the channel and the batch is replayed after
 * a restart, which the projection recognises by position and skips.
 */
@ApplicationScoped
public class ProjectionConsumers {
  public static final String POSTS = "posts-in";
  public static final String DECISIONS = "decisions-in";
  public static final String ACCOUNTS = "accounts-in";
  public static final String FOLLOWS = "follows-in";

  private final Projector projector;

  public ProjectionConsumers(Projector projector) {
    this.projector = projector;
  }

  @Incoming(POSTS)
  public Uni<Void> posts(ConsumerRecords<String, byte[]> records) {
    return projector.applyLive(LogEntries.of(records));
  }

  @Incoming(DECISIONS)
  public Uni<Void> decisions(ConsumerRecords<String, byte[]> records) {
    return projector.applyLive(LogEntries.of(records));
  }

  @Incoming(ACCOUNTS)
  public Uni<Void> accounts(ConsumerRecords<String, byte[]> records) {
    return projector.applyLive(LogEntries.of(records));
  }

  @Incoming(FOLLOWS)
  public Uni<Void> follows(ConsumerRecords<String, byte[]> records) {
    return projector.applyLive(LogEntries.of(records));
  }
}
