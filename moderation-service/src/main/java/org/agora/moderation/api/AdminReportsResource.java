package org.agora.moderation.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.projection.ModerationQueries;
import org.agora.moderation.projection.ModerationQueries.ItemRow;

/**
 * Mastodon's admin reports API over the queue: one Admin::Report per queue item (merged reports
 * appear once; a report id or the item id both find it). Staff with a second factor only.
 */
@Path("/api/v1/admin/reports")
@Produces(MediaType.APPLICATION_JSON)
public class AdminReportsResource {
  private final Caller caller;
  private final ModerationQueries queries;
  private final QueueViews views;
  private final Clock clock;

  public AdminReportsResource(
      Caller caller, ModerationQueries queries, QueueViews views, Clock clock) {
    this.caller = caller;
    this.queries = queries;
    this.views = views;
    this.clock = clock;
  }

  @GET
  @Authenticated
  public Uni<List<MastodonViews.AdminReport>> list(
      @QueryParam("resolved") String resolved,
      @QueryParam("target_account_id") String targetAccountId,
      @QueryParam("limit") String limit) {
    caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    if (resolved != null && !List.of("true", "false").contains(resolved)) {
      throw ApiException.badRequest("resolved: expected true or false");
    }
    int size = QueueResource.limit(limit);
    UUID target =
        targetAccountId == null || targetAccountId.isBlank()
            ? null
            : DecisionRules.id("target_account_id", targetAccountId);
    return queries
        .items(!"true".equals(resolved), target, size)
        .chain(
            items ->
                items.isEmpty()
                    ? Uni.createFrom().item(List.<MastodonViews.AdminReport>of())
                    : Multi.createFrom()
                        .iterable(items)
                        .onItem()
                        .transformToUniAndConcatenate(views::admin)
                        .collect()
                        .asList());
  }

  @GET
  @Path("/{id}")
  @Authenticated
  public Uni<MastodonViews.AdminReport> read(@PathParam("id") String id) {
    caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return item(id).chain(views::admin);
  }

  @POST
  @Path("/{id}/assign_to_self")
  @Authenticated
  public Uni<MastodonViews.AdminReport> assign(@PathParam("id") String id) {
    AccountId me = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return act(id, item -> queries.assign(item.id(), me.value(), clock.instant()));
  }

  @POST
  @Path("/{id}/unassign")
  @Authenticated
  public Uni<MastodonViews.AdminReport> unassign(@PathParam("id") String id) {
    caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return act(id, item -> queries.unassign(item.id(), clock.instant()));
  }

  @POST
  @Path("/{id}/resolve")
  @Authenticated
  public Uni<MastodonViews.AdminReport> resolve(@PathParam("id") String id) {
    AccountId me = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return act(id, item -> queries.resolve(item.id(), DecisionDesk.actor(me), clock.instant()));
  }

  @POST
  @Path("/{id}/reopen")
  @Authenticated
  public Uni<MastodonViews.AdminReport> reopen(@PathParam("id") String id) {
    caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return act(
        id,
        item ->
            queries
                .reopen(item.id(), clock.instant())
                .invoke(
                    ok -> {
                      if (!ok && "resolved".equals(item.status())) {
                        throw new ApiException(
                            409, "Another open report on the same matter exists");
                      }
                    }));
  }

  private Uni<MastodonViews.AdminReport> act(String id, Function<ItemRow, Uni<Boolean>> action) {
    return item(id)
        .chain(item -> action.apply(item).chain(() -> item(item.id().toString())))
        .chain(views::admin);
  }

  private Uni<ItemRow> item(String id) {
    UUID uuid;
    try {
      uuid = DecisionRules.id("id", id);
    } catch (RuntimeException e) {
      throw ApiException.notFound();
    }
    return queries.item(uuid).map(found -> found.orElseThrow(ApiException::notFound));
  }
}
