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
import java.util.List;
import java.util.UUID;
import org.agora.kit.api.ApiException;
import org.agora.timeline.domain.PageRequest;
import org.agora.timeline.projection.PostProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mastodon's profile timeline: an account's statuses, newest first, in bounded pages. */
@Path("/api/v1/accounts/{id}/statuses")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountStatusesResource {
  private final PostProjection posts;
  private final StatusRenderer renderer;
  private final String publicUrl;

  public AccountStatusesResource(
      PostProjection posts,
      StatusRenderer renderer,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.posts = posts;
    this.renderer = renderer;
    this.publicUrl = publicUrl;
  }

  @GET
  public Uni<Response> statuses(
      @PathParam("id") String id,
      @QueryParam("max_id") String maxId,
      @QueryParam("since_id") String sinceId,
      @QueryParam("min_id") String minId,
      @QueryParam("limit") String limit) {
    UUID account = accountId(id);
    PageRequest page;
    try {
      page = PageRequest.parse(maxId, sinceId, minId, limit);
    } catch (PageRequest.InvalidPageRequest e) {
      throw ApiException.badRequest(e.getMessage());
    }
    String self = publicUrl + "/api/v1/accounts/" + account + "/statuses";
    return posts
        .byAuthor(account, page)
        .map(
            rows -> {
              var statuses = renderer.render(rows);
              var response = Response.ok(statuses);
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

  /** Mastodon's Link header: next (older) and prev (newer) pages around the one served. */
  static final class Links {
    private Links() {}

    static java.util.Optional<String> of(
        String self, int limit, List<org.agora.kit.mastodon.MastodonStatus> statuses) {
      if (statuses.isEmpty()) {
        return java.util.Optional.empty();
      }
      String newest = statuses.get(0).id();
      String oldest = statuses.get(statuses.size() - 1).id();
      return java.util.Optional.of(
          "<"
              + self
              + "?limit="
              + limit
              + "&max_id="
              + oldest
              + ">; rel=\"next\", <"
              + self
              + "?limit="
              + limit
              + "&min_id="
              + newest
              + ">; rel=\"prev\"");
    }
  }
}
