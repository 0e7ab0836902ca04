package org.agora.timeline.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.agora.kit.auth.Caller;
import org.agora.timeline.domain.PageRequest;
import org.agora.timeline.projection.TimelineQueries;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mastodon's home timeline: the caller's own posts and those of accounts it follows. */
@Path("/api/v1/timelines/home")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class HomeTimelineResource {
  private final TimelineQueries queries;
  private final StatusRenderer renderer;
  private final Caller caller;
  private final String publicUrl;

  public HomeTimelineResource(
      TimelineQueries queries,
      StatusRenderer renderer,
      Caller caller,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.queries = queries;
    this.renderer = renderer;
    this.caller = caller;
    this.publicUrl = publicUrl;
  }

  @GET
  public Uni<Response> home(
      @QueryParam("max_id") String maxId,
      @QueryParam("since_id") String sinceId,
      @QueryParam("min_id") String minId,
      @QueryParam("limit") String limit) {
    var owner = caller.requireAccount().value();
    PageRequest page = Paging.parse(maxId, sinceId, minId, limit);
    String self = publicUrl + "/api/v1/timelines/home";
    long stamp = renderer.stamp();
    return queries
        .home(owner, page)
        .map(
            rows -> {
              StatusPage statuses = renderer.page(rows, stamp);
              var response = Response.ok(statuses.json(), StatusPage.TYPE);
              Links.of(self, page.limit(), statuses).ifPresent(l -> response.header("Link", l));
              return response.build();
            });
  }
}
