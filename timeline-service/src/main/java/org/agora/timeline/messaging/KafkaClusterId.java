package org.agora.timeline.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agora.timeline.projection.LogIdentity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The id of the Kafka cluster the projection is read from, asked of the cluster itself. */
@ApplicationScoped
public class KafkaClusterId implements LogIdentity {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final String bootstrap;

  public KafkaClusterId(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    this.bootstrap = bootstrap;
  }

  @Override
  public Uni<String> current() {
    return Uni.createFrom()
        .item(this::ask)
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private String ask() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "timeline-cluster-id"))) {
      return admin.describeCluster().clusterId().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Kafka for its cluster id", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not ask Kafka at " + bootstrap + " for its id", e);
    }
  }
}
