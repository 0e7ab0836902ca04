package org.agora.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and Prometheus metrics, as operators expect from every service. */
@QuarkusTest
class PlatformEndpointsTest {
  @Test
  void answersHealthOpenApiAndMetrics() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/openapi").then().statusCode(200).body(containsString("timeline-service"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void exportsPublishToVisibleLatencyConsumerLagAndRebuildProgress() {
    PostFeed.publish(new AccountId(UUID.randomUUID()), "measured", Instant.now());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics =
                  given().get("/q/metrics").then().statusCode(200).extract().asString();
              assertThat(metrics)
                  .contains("agora_timeline_publish_to_visible_seconds_bucket{")
                  .contains("agora_timeline_publish_to_visible_seconds{quantile=\"0.99\"")
                  .containsPattern(
                      "agora_timeline_publish_to_visible_seconds_count(\\{[^}]*\\})? [1-9]")
                  .contains("agora_timeline_rebuild_events_applied")
                  .contains("agora_timeline_rebuild_lag_records")
                  .contains("agora_timeline_rebuild_eta_seconds")
                  .contains("kafka_consumer_fetch_manager_records_lag_max");
            });
  }
}
