package org.agora.identity.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agora.identity.api.profile.ProfileViews;
import org.agora.identity.projection.IdentityStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One page of accounts (followers, following, blocks) with Mastodon's Link header. */
@ApplicationScoped
public class AccountPages {
  private final ProfileViews views;
  private final String publicUrl;

  public AccountPages(
      ProfileViews views, @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.views = views;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  public Uni<Response> page(List<IdentityStore.Edge> edges, String path, int limit) {
    return views
        .accounts(edges.stream().map(IdentityStore.Edge::accountId).toList())
        .map(
            accounts -> {
              var response = Response.ok(accounts);
              EdgeCursors.links(publicUrl + path, limit, edges)
                  .ifPresent(link -> response.header("Link", link));
              return response.build();
            });
  }
}
