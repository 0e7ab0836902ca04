package org.agora.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerSideVisibilityTest {
  private static final String AT_START =
      """
      # TYPE agora_timeline_publish_to_visible_seconds histogram
      agora_timeline_publish_to_visible_seconds_bucket{le="0.05"} 10.0
      agora_timeline_publish_to_visible_seconds_bucket{le="0.1"} 20.0
      agora_timeline_publish_to_visible_seconds_bucket{le="0.25"} 20.0
      agora_timeline_publish_to_visible_seconds_bucket{le="+Inf"} 30.0
      agora_timeline_publish_to_visible_seconds_count 30.0
      other_metric_bucket{le="0.05"} 99.0
      """;

  @Test
  void theRunIsTheHistogramAtTheEndLessTheOneAtTheStart() {
    String atEnd =
        AT_START
            .replace("{le=\"0.05\"} 10.0", "{le=\"0.05\"} 60.0")
            .replace("{le=\"0.1\"} 20.0", "{le=\"0.1\"} 118.0")
            .replace("{le=\"0.25\"} 20.0", "{le=\"0.25\"} 119.0")
            .replace("{le=\"+Inf\"} 30.0", "{le=\"+Inf\"} 130.0");
    var run =
        ServerSideVisibility.minus(
            ServerSideVisibility.buckets(atEnd), ServerSideVisibility.buckets(AT_START));

    assertThat(run).containsEntry(0.05, 50.0).containsEntry(Double.POSITIVE_INFINITY, 100.0);
    assertThat(ServerSideVisibility.quantile(run, 0.50)).isEqualTo(0.05);
    assertThat(ServerSideVisibility.quantile(run, 0.95)).isEqualTo(0.1);
    assertThat(ServerSideVisibility.quantile(run, 0.99)).isEqualTo(0.25);
    assertThat(ServerSideVisibility.quantile(run, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void onlyTheTimelinesHistogramIsRead() {
    assertThat(ServerSideVisibility.buckets(AT_START)).hasSize(4).containsEntry(0.05, 10.0);
  }
}
