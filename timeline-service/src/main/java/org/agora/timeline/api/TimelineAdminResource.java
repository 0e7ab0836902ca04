package org.agora.timeline.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.timeline.domain.RebuildProgress;
import org.agora.timeline.messaging.Rebuilder;
import org.agora.timeline.projection.ProjectionChecksum;

/**
 * Operating the projection: rebuild it from offset 0 (admins with a second factor), follow the
 * rebuild, and compare checksums (staff).
 */
@Path("/api/agora/v1/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TimelineAdminResource {
  private final Rebuilder rebuilder;
  private final ProjectionChecksum checksum;
  private final Caller caller;
  private final Clock clock;

  public TimelineAdminResource(
      Rebuilder rebuilder, ProjectionChecksum checksum, Caller caller, Clock clock) {
    this.rebuilder = rebuilder;
    this.checksum = checksum;
    this.caller = caller;
    this.clock = clock;
  }

  /** The rebuild's progress as served: counts, rate and ETA. */
  public record RebuildView(
      String state,
      Integer generation,
      Integer replacedGeneration,
      List<String> topics,
      long eventsApplied,
      long lag,
      double eventsPerSecond,
      Double etaSeconds,
      Instant startedAt,
      Instant finishedAt,
      Double durationSeconds,
      String error) {}

  @POST
  @Path("/rebuild")
  public Response rebuild() {
    caller.requireStaff(Caller.ADMIN);
    var start = rebuilder.start();
    if (!start.started()) {
      throw new ApiException(
          409, "rebuild: one is already running since " + start.progress().startedAt());
    }
    return Response.accepted(view(start.progress())).build();
  }

  @GET
  @Path("/rebuild")
  public RebuildView progress() {
    caller.requireStaff(Caller.ADMIN);
    return view(rebuilder.progress());
  }

  @GET
  @Path("/checksum")
  public Uni<ProjectionChecksum.Checksum> checksum() {
    caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return checksum.compute();
  }

  private RebuildView view(RebuildProgress p) {
    Instant now = clock.instant();
    return new RebuildView(
        p.state(),
        p.generation(),
        p.replacedGeneration(),
        rebuilder.topics(),
        p.eventsApplied(),
        p.lag(),
        Math.round(p.eventsPerSecond(now) * 10) / 10.0,
        p.etaSeconds(now),
        p.startedAt(),
        p.finishedAt(),
        p.durationSeconds(now),
        p.error());
  }
}
