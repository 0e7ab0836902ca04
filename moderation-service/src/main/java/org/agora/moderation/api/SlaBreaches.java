package org.agora.moderation.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.agora.moderation.domain.RiskQueue;
import org.agora.moderation.projection.ModerationQueries;

/**
 * The gauge {@code agora_moderation_sla_breaches}: open queue items past their SLA deadline,
 * refreshed every 30 s and on every queue read.
 */
@Startup
@ApplicationScoped
public class SlaBreaches {
  private final AtomicLong breaches = new AtomicLong();
  private final ModerationQueries queries;
  private final RiskQueue risk;

  public SlaBreaches(ModerationQueries queries, RiskQueue risk, MeterRegistry registry) {
    this.queries = queries;
    this.risk = risk;
    Gauge.builder("agora.moderation.sla.breaches", breaches, AtomicLong::get)
        .description("Open moderation queue items past their SLA deadline")
        .register(registry);
  }

  void set(long value) {
    breaches.set(value);
  }

  @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> count() {
    return queries
        .items(true, QueueResource.MAX_OPEN)
        .invoke(
            items -> breaches.set(risk.breaches(items.stream().map(QueueViews::entry).toList())))
        .replaceWithVoid();
  }
}
