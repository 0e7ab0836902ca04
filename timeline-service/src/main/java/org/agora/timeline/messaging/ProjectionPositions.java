package org.agora.timeline.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.agora.timeline.projection.Generations;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Where a live channel resumes: at the positions the projection stored with the rows it wrote, not
 * at the consumer group's committed offsets. So a database restored from an older backup replays
 * what it lacks, a wiped one replays the log from the start, and a batch committed to the database
 * but not to Kafka is not fetched again. A partition without a stored position starts at the
 * beginning: nothing of it was applied.
 */
@ApplicationScoped
@Identifier(ProjectionPositions.NAME)
public class ProjectionPositions implements KafkaConsumerRebalanceListener {
  public static final String NAME = "timeline-projection-positions";
  private static final Logger LOG = Logger.getLogger(ProjectionPositions.class);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Generations generations;

  public ProjectionPositions(Generations generations) {
    this.generations = generations;
  }

  /** Runs on the channel's polling thread before it fetches the partitions; it may block. */
  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<String, Long> stored = generations.servingPositions().await().atMost(WAIT);
    List<TopicPartition> unpositioned = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      Long next = stored.get(tp.topic() + "/" + tp.partition());
      if (next != null) {
        consumer.seek(tp, next);
      } else {
        unpositioned.add(tp);
      }
    }
    if (!unpositioned.isEmpty()) {
      consumer.seekToBeginning(unpositioned);
    }
    LOG.debugf("%s resume at the projection's positions", partitions);
  }
}
