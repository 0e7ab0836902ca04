package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** What both simulations share: the HTTP protocol and the Mastodon publish request. */
final class Publishing {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Publishing() {}

  static HttpProtocolBuilder protocol(BenchSettings settings) {
    // NOTE: shared keep-alive connections, as a fleet of app instances behind one egress would
    // hold; Gatling's warm-up request to its own web site is switched off.
    return http.baseUrl(settings.baseUrl())
        .acceptHeader("application/json")
        .userAgentHeader("agora-benchmarks")
        .shareConnections()
        .disableWarmUp();
  }

  /** POST /api/v1/statuses as the fed user, with a text no other post has; keeps {@code postId}. */
  static HttpRequestActionBuilder publish(String name) {
    return http(name)
        .post("/api/v1/statuses")
        .header("Authorization", "Bearer #{token}")
        .header("Content-Type", "application/json")
        .body(
            StringBody(
                session ->
                    "{\"status\":\"Benchmark run "
                        + RUN
                        + ", post "
                        + SEQUENCE.incrementAndGet()
                        + ": nothing to see here, only load.\",\"language\":\"en\"}"))
        .check(status().is(200), jsonPath("$.id").saveAs("postId"));
  }
}
