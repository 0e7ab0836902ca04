package org.agora.moderation.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.DecisionCommand;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.domain.ModerationRejected;
import org.agora.moderation.domain.RiskQueue;
import org.agora.moderation.projection.ModerationQueries;

/** The moderators' queue, ordered by risk with items near their SLA deadline first. */
@Path("/api/agora/v1/moderation/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
  static final int MAX_OPEN = 5000;
  static final int MAX_BULK = 100;

  /** One action over many items: a claim, a resolve, or a decision with one statement. */
  public record BulkRequest(
      List<String> ids,
      String action,
      String category,
      String groundType,
      String policyClause,
      String legalGround,
      String facts) {}

  private final Caller caller;
  private final ModerationQueries queries;
  private final QueueViews views;
  private final RiskQueue risk;
  private final DecisionDesk desk;
  private final Clock clock;
  private final SlaBreaches breaches;

  public QueueResource(
      Caller caller,
      ModerationQueries queries,
      QueueViews views,
      RiskQueue risk,
      DecisionDesk desk,
      Clock clock,
      SlaBreaches breaches) {
    this.caller = caller;
    this.queries = queries;
    this.views = views;
    this.risk = risk;
    this.desk = desk;
    this.clock = clock;
    this.breaches = breaches;
  }

  @GET
  @Authenticated
  public Uni<List<Views.QueueEntry>> queue(
      @QueryParam("limit") String limit, @QueryParam("account_id") String accountId) {
    caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    int size = limit(limit);
    UUID account =
        accountId == null || accountId.isBlank() ? null : DecisionRules.id("account_id", accountId);
    return queries
        .items(true, account, MAX_OPEN)
        .chain(
            items -> {
              var byId = new java.util.HashMap<UUID, ModerationQueries.ItemRow>();
              items.forEach(i -> byId.put(i.id(), i));
              List<RiskQueue.Ranked> ranked =
                  risk.order(items.stream().map(QueueViews::entry).toList());
              breaches.set(ranked.stream().filter(RiskQueue.Ranked::breached).count());
              List<RiskQueue.Ranked> page = ranked.subList(0, Math.min(size, ranked.size()));
              if (page.isEmpty()) {
                return Uni.createFrom().item(List.<Views.QueueEntry>of());
              }
              return Multi.createFrom()
                  .iterable(page)
                  .onItem()
                  .transformToUniAndConcatenate(r -> views.entry(byId.get(r.entry().id()), r))
                  .collect()
                  .asList();
            });
  }

  @POST
  @Path("/bulk")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<List<Views.BulkResult>> bulk(BulkRequest request) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    if (request == null || request.ids() == null || request.ids().isEmpty()) {
      throw ModerationRejected.invalid("ids: can't be blank");
    }
    if (request.ids().size() > MAX_BULK) {
      throw ModerationRejected.invalid(
          "ids: " + request.ids().size() + " items, at most " + MAX_BULK);
    }
    List<UUID> ids = new ArrayList<>();
    for (String id : request.ids()) {
      ids.add(DecisionRules.id("ids", id));
    }
    String action = request.action() == null ? "" : request.action();
    if (!List.of(
            "assign_to_self",
            "unassign",
            "resolve",
            "remove_post",
            "label_sensitive",
            "dismiss_report")
        .contains(action)) {
      throw ModerationRejected.invalid(
          "action: must be one of assign_to_self, unassign, resolve, remove_post,"
              + " label_sensitive, dismiss_report");
    }
    if (action.equals("remove_post")
        || action.equals("label_sensitive")
        || action.equals("dismiss_report")) {
      // NOTE: check the shared statement once, before any item is touched.
      new DecisionRules(clock)
          .check(
              new DecisionCommand(
                  action,
                  ids.getFirst().toString(),
                  List.of(ids.getFirst().toString()),
                  request.category(),
                  request.groundType(),
                  request.policyClause(),
                  request.legalGround(),
                  request.facts(),
                  null));
    }
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(id -> one(id, action, request, moderator))
        .collect()
        .asList();
  }

  private Uni<Views.BulkResult> one(
      UUID id, String action, BulkRequest request, AccountId moderator) {
    return queries
        .item(id)
        .chain(
            found -> {
              if (found.isEmpty()) {
                return Uni.createFrom().item(new Views.BulkResult(id, 404, null, "not found"));
              }
              var item = found.get();
              Uni<Views.BulkResult> result =
                  switch (action) {
                    case "assign_to_self" ->
                        queries
                            .assign(item.id(), moderator.value(), clock.instant())
                            .map(ok -> new Views.BulkResult(id, 200, null, null));
                    case "unassign" ->
                        queries
                            .unassign(item.id(), clock.instant())
                            .map(ok -> new Views.BulkResult(id, 200, null, null));
                    case "resolve" ->
                        queries
                            .resolve(item.id(), DecisionDesk.actor(moderator), clock.instant())
                            .map(
                                ok ->
                                    new Views.BulkResult(
                                        id, ok ? 200 : 409, null, ok ? null : "not open"));
                    default -> {
                      if (item.postId() == null && !action.equals("dismiss_report")) {
                        yield Uni.createFrom()
                            .item(new Views.BulkResult(id, 422, null, "item names no post"));
                      }
                      yield desk.decide(
                              new DecisionCommand(
                                  action,
                                  (item.postId() == null ? item.accountId() : item.postId())
                                      .toString(),
                                  List.of(item.id().toString()),
                                  request.category(),
                                  request.groundType(),
                                  request.policyClause(),
                                  request.legalGround(),
                                  request.facts(),
                                  null),
                              moderator)
                          .map(taken -> new Views.BulkResult(id, 200, taken.decisionId(), null));
                    }
                  };
              return result
                  .onFailure(ModerationRejected.class)
                  .recoverWithItem(
                      e ->
                          new Views.BulkResult(
                              id,
                              RejectionMapper.api((ModerationRejected) e).status(),
                              null,
                              e.getMessage()));
            });
  }

  static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return 20;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value < 1 || value > 100) {
        throw ApiException.unprocessable("limit: " + value + ", must be 1 to 100");
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit: expected a number");
    }
  }
}
