package org.agora.timeline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.agora.testing.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Topics of this test run only, made on the real broker before the service boots: the projection
 * then holds exactly this run's events, so a rebuild from offset 0 replays a bounded log (the
 * shared topics hold hundreds of thousands of benchmark events) and must end with the same
 * checksum. The topics are deleted when the run ends.
 */
@QuarkusTestResource(TimelineTopics.class)
public class TimelineTopics implements QuarkusTestResourceLifecycleManager {
  private static final List<String> STREAMS =
      List.of("posts", "decisions", "accounts", "follows", "content-keys", "account-keys");
  private final Map<String, String> topics = new LinkedHashMap<>();

  @Override
  public Map<String, String> start() {
    String run = "timeline-test-" + UUID.randomUUID().toString().substring(0, 8);
    for (String stream : STREAMS) {
      topics.put("agora.timeline.topic." + stream, run + "." + stream);
    }
    try (Admin admin = admin()) {
      admin
          .createTopics(topics.values().stream().map(t -> new NewTopic(t, 3, (short) 1)).toList())
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("creating the test topics", e);
    }
    return topics;
  }

  @Override
  public void stop() {
    try (Admin admin = admin()) {
      admin.deleteTopics(topics.values()).all().get();
    } catch (Exception e) {
      // NOTE: a leftover topic of a finished run harms nobody; its name is unique.
    }
  }

  private static Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    return Admin.create(props);
  }
}
