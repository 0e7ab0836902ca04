package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.agora.kit.messaging.ConsumerRetries;
import org.agora.timeline.projection.LogEntry;
import org.agora.timeline.projection.Projector;
import org.agora.timeline.projection.RenderedStatuses;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The projected streams, consumed in batches (one poll, one transaction): posts and their verdicts
 * on one channel, accounts and the graph on one each. Offsets are committed only after the
 * transaction; a batch that fails is tried again until it commits, the polls behind it waiting (a
 * retried or replayed batch is recognised by position and skipped). Rendered statuses the batch
 * changed are evicted once it has committed.
 */
@ApplicationScoped
public class ProjectionConsumers {
  /** Posts and moderation's verdicts: a post and the verdict that fans it out, in one poll. */
  public static final String POSTS_AND_VERDICTS = "posts-verdicts-in";

  public static final String ACCOUNTS = "accounts-in";
  public static final String FOLLOWS = "follows-in";

  private final Projector projector;
  private final RenderedStatuses rendered;

  public ProjectionConsumers(Projector projector, RenderedStatuses rendered) {
    this.projector = projector;
    this.rendered = rendered;
  }

  @Incoming(POSTS_AND_VERDICTS)
  public Uni<Void> postsAndVerdicts(ConsumerRecords<String, byte[]> records) {
    return apply(records);
  }

  @Incoming(ACCOUNTS)
  public Uni<Void> accounts(ConsumerRecords<String, byte[]> records) {
    return apply(records);
  }

  @Incoming(FOLLOWS)
  public Uni<Void> follows(ConsumerRecords<String, byte[]> records) {
    return apply(records);
  }

  /** NOTE: evicts after the commit, so a rendering of the old rows cannot be put back after it. */
  private Uni<Void> apply(ConsumerRecords<String, byte[]> records) {
    List<LogEntry> entries = LogEntries.of(records);
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return ConsumerRetries.untilDone(
            LogEntries.describe(entries), () -> projector.applyLive(entries))
        .invoke(() -> rendered.evictFor(entries));
  }
}
