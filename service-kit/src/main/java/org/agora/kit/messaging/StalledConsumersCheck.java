package org.agora.kit.messaging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while a consumer's work is failing and waits for its next try, or has been under
 * way for longer than {@code agora.consumers.hung-after} (60 s; a query or a send that never
 * answers): what the service serves may lag the log (a takedown not yet applied), so it says so.
 * Exported as {@code agora_consumers_stalled} and {@code agora_consumer_failed_tries_total}.
 */
@Readiness
@Startup
@ApplicationScoped
public class StalledConsumersCheck implements HealthCheck {
  public static final String NAME = "agora-consumers";

  private final Duration hungAfter;

  public StalledConsumersCheck(
      MeterRegistry registry,
      @ConfigProperty(name = "agora.consumers.hung-after", defaultValue = "PT60S")
          Duration hungAfter) {
    this.hungAfter = hungAfter;
    Gauge.builder("agora.consumers.stalled", () -> ConsumerRetries.stalled().size())
        .description("consumer works whose last try failed and whose next try is pending")
        .register(registry);
    FunctionCounter.builder(
            "agora.consumer.failed.tries", this, check -> ConsumerRetries.failedTries())
        .description("failed tries of consumer works, each tried again")
        .register(registry);
  }

  void stopping(@Observes ShutdownEvent event) {
    ConsumerRetries.stopping();
  }

  @Override
  public HealthCheckResponse call() {
    var stalled = ConsumerRetries.stalled();
    var hung = ConsumerRetries.runningLongerThan(hungAfter);
    var response = HealthCheckResponse.named(NAME).status(stalled.isEmpty() && hung.isEmpty());
    for (int i = 0; i < hung.size(); i++) {
      var running = hung.get(i);
      response.withData(
          "running." + i, "%s: under way since %s".formatted(running.what(), running.since()));
    }
    for (int i = 0; i < stalled.size(); i++) {
      var stall = stalled.get(i);
      response.withData(
          "stalled." + i,
          "%s: failing since %s, %d tries, last: %s"
              .formatted(stall.what(), stall.since(), stall.failures(), stall.lastError()));
    }
    return response.build();
  }
}
