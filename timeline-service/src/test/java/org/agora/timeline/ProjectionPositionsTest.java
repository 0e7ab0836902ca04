package org.agora.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.agora.testing.TestStack;
import org.agora.timeline.messaging.ProjectionConsumers;
import org.agora.timeline.messaging.ProjectionPositions;
import org.agora.timeline.projection.Generations;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live channel resumes where the projection's own stored positions say, whatever the consumer
 * group committed: a database restored from an older backup replays what it lacks, a partition the
 * projection never applied starts at the beginning. Real broker, real database.
 */
@QuarkusTest
class ProjectionPositionsTest {
  @Inject
  @Identifier(ProjectionPositions.NAME)
  KafkaConsumerRebalanceListener positions;

  @Inject Generations generations;
  @Inject Pool pool;

  private final String topic = "positions-" + UUID.randomUUID();
  private final TopicPartition p0 = new TopicPartition(topic, 0);
  private final TopicPartition p1 = new TopicPartition(topic, 1);
  private String schema;

  @BeforeEach
  void fiveRecordsInEachOfTwoPartitions() throws Exception {
    try (Admin admin = Admin.create(kafka())) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    Properties props = kafka();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (var producer = new KafkaProducer<String, String>(props)) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(topic, 0, "k", "r" + i)).get();
        producer.send(new ProducerRecord<>(topic, 1, "k", "r" + i)).get();
      }
    }
    schema = Generations.schema(generations.active().await().indefinitely());
  }

  @AfterEach
  void dropTopicAndPositions() throws Exception {
    pool.preparedQuery("delete from " + schema + ".applied_offset where topic = $1")
        .execute(Tuple.of(topic))
        .await()
        .indefinitely();
    try (Admin admin = Admin.create(kafka())) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
  }

  @Test
  void theProjectionsPositionsWinOverTheGroupsCommittedOffsets() {
    storePosition(p0, 3);
    String group = "positions-" + UUID.randomUUID();
    try (var before = consumer(group)) {
      // The group got further than the projection's database (restored from an older backup).
      before.assign(List.of(p0, p1));
      before.commitSync(Map.of(p0, new OffsetAndMetadata(5), p1, new OffsetAndMetadata(5)));
    }
    try (var consumer = consumer(group)) {
      consumer.assign(List.of(p0, p1));
      assertThat(consumer.committed(Set.of(p0)).get(p0).offset()).isEqualTo(5);

      positions.onPartitionsAssigned(consumer, List.of(p0, p1));

      assertThat(consumer.position(p0)).as("stored position").isEqualTo(3);
      assertThat(consumer.position(p1)).as("never applied: from the beginning").isZero();
    }
  }

  @Test
  void aPositionAheadOfTheGroupSkipsWhatWasAppliedButNotCommitted() {
    storePosition(p1, 4);
    try (var consumer = consumer("positions-" + UUID.randomUUID())) {
      consumer.assign(List.of(p1));

      positions.onPartitionsAssigned(consumer, List.of(p1));

      assertThat(consumer.position(p1)).isEqualTo(4);
    }
  }

  @Test
  void everyLiveChannelResumesThere() {
    for (String channel :
        List.of(
            ProjectionConsumers.POSTS_AND_VERDICTS,
            ProjectionConsumers.ACCOUNTS,
            ProjectionConsumers.FOLLOWS)) {
      assertThat(
              ConfigProvider.getConfig()
                  .getValue(
                      "mp.messaging.incoming." + channel + ".consumer-rebalance-listener.name",
                      String.class))
          .as(channel)
          .isEqualTo(ProjectionPositions.NAME);
    }
  }

  private void storePosition(TopicPartition tp, long next) {
    pool.preparedQuery(
            "insert into "
                + schema
                + ".applied_offset (topic, partition, next_offset) values ($1,"
                + " $2, $3)")
        .execute(Tuple.of(tp.topic(), tp.partition(), next))
        .await()
        .indefinitely();
  }

  /** Without a stored position or a commit it would start at the end ("latest"). */
  private static KafkaConsumer<String, String> consumer(String group) {
    Properties props = kafka();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  private static Properties kafka() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    return props;
  }
}
