package org.agora.moderation.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.agora.kit.api.ApiException;
import org.agora.moderation.domain.Transparency;
import org.agora.moderation.messaging.TransparencyLog;

/**
 * The public transparency report over {@code [from, to)} (default: the last 30 days), computed from
 * the event log alone. Public on purpose: it holds counts and times, no ids or content.
 */
@Path("/api/agora/v1/moderation/transparency")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {
  static final Duration MAX_WINDOW = Duration.ofDays(366);

  private final TransparencyLog log;
  private final Clock clock;

  public TransparencyResource(TransparencyLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @GET
  @Blocking
  public Transparency.Figures report(@QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.unprocessable("from: must lie before to");
    }
    if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw ApiException.unprocessable("to: the window is at most 366 days");
    }
    return log.figures(start, end);
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + ": expected an ISO-8601 instant");
    }
  }
}
