package org.agora.identity.api.graph;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.agora.events.AccountId;
import org.agora.identity.projection.IdentityStore;
import org.agora.kit.auth.Caller;

/** Mastodon's list of the accounts the caller blocks, paged like followers. */
@Path("/api/v1/blocks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BlocksResource {
  private final Caller caller;
  private final IdentityStore store;
  private final AccountPages pages;

  public BlocksResource(Caller caller, IdentityStore store, AccountPages pages) {
    this.caller = caller;
    this.store = store;
    this.pages = pages;
  }

  @GET
  public Uni<Response> blocks(
      @QueryParam("max_id") String maxId,
      @QueryParam("since_id") String sinceId,
      @QueryParam("min_id") String minId,
      @QueryParam("limit") String limit) {
    AccountId me = caller.requireAccount();
    var page = EdgeCursors.page(maxId, sinceId, minId, limit, 80);
    return store
        .blocks(me.value(), page)
        .chain(edges -> pages.page(edges, "/api/v1/blocks", page.limit()));
  }
}
