package org.agora.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.agora.kit.api.ErrorShapes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sheds load instead of queueing it: above {@code agora.http.max-in-flight} API requests in flight,
 * a new one is answered 503 with {@code Retry-After} at once. Without the bound an overload queues
 * requests until the heap is full and the service dies; with it the service keeps answering within
 * its capacity and clients back off. Health and metrics are never shed.
 */
@ApplicationScoped
public class LoadShedding {
  // NOTE: ahead of RESTEasy Reactive's route, so a shed request costs no resource method.
  private static final int ORDER = -1_000;

  private final Admission admission;
  private final Counter shed;
  private final byte[] mastodonBody;
  private final ObjectMapper json;

  public LoadShedding(
      @ConfigProperty(name = "agora.http.max-in-flight", defaultValue = "128") int limit,
      MeterRegistry registry,
      ObjectMapper json) {
    this.admission = new Admission(limit);
    this.json = json;
    this.shed =
        Counter.builder("agora.http.shed")
            .description("API requests refused with 503 because too many were in flight")
            .register(registry);
    Gauge.builder("agora.http.in.flight", admission, Admission::inFlight)
        .description("API requests in flight (the shedding bound is agora.http.max-in-flight)")
        .register(registry);
    this.mastodonBody = bytes(ErrorShapes.mastodon(message()));
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::admit);
  }

  void admit(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!sheddable(path)) {
      ctx.next();
      return;
    }
    if (!admission.tryEnter()) {
      shed.increment();
      boolean agora = ErrorShapes.isAgoraPath(path);
      ctx.response()
          .setStatusCode(503)
          .putHeader("Retry-After", "1")
          .putHeader("Content-Type", agora ? ErrorShapes.PROBLEM_JSON : "application/json")
          .end(
              Buffer.buffer(
                  agora
                      ? bytes(ErrorShapes.problem(503, "Service Unavailable", message(), path))
                      : mastodonBody));
      return;
    }
    ctx.addEndHandler(done -> admission.leave());
    ctx.next();
  }

  static boolean sheddable(String path) {
    return path != null && (path.startsWith("/api/") || path.startsWith("/oauth/"));
  }

  private String message() {
    return "the service is at its limit of "
        + admission.limit()
        + " requests in flight; retry after 1 s";
  }

  private byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
