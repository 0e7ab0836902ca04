package org.agora.timeline.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.timeline.domain.PageRequest;
import org.agora.timeline.projection.TimelineQueries;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mastodon's profile timeline: an account's statuses, newest first, in bounded pages. */
@Path("/api/v1/accounts/{id}/statuses")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountStatusesResource {
  private final TimelineQueries queries;
  private final StatusRenderer renderer;
  private final Caller caller;
  private final String publicUrl;

  public AccountStatusesResource(
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
  public Uni<Response> statuses(
      @PathParam("id") String id,
      @QueryParam("max_id") String maxId,
      @QueryParam("since_id") String sinceId,
      @QueryParam("min_id") String minId,
      @QueryParam("limit") String limit) {
    UUID viewer = caller.requireAccount().value();
    UUID account = accountId(id);
    PageRequest page = Paging.parse(maxId, sinceId, minId, limit);
    String self = publicUrl + "/api/v1/accounts/" + account + "/statuses";
    long stamp = renderer.stamp();
    return queries
        .byAuthor(viewer, account, page)
        .map(rows -> rows.orElseThrow(ApiException::notFound))
        .map(
            rows -> {
              StatusPage statuses = renderer.page(rows, stamp);
              var response = Response.ok(statuses.json(), StatusPage.TYPE);
              Links.of(self, page.limit(), statuses).ifPresent(l -> response.header("Link", l));
              return response.build();
            });
  }

  private static UUID accountId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }
}
