package org.agora.moderation.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.AppealRules;
import org.agora.moderation.domain.DecisionCommand;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.projection.ModerationQueries;

/** Moderators decide; the affected user reads the statements of reasons about them. */
@Path("/api/agora/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionsResource {
  private final Caller caller;
  private final DecisionDesk desk;
  private final ModerationQueries queries;
  private final AppealRules appeals;
  private final AppealAccess access;

  public DecisionsResource(
      Caller caller,
      DecisionDesk desk,
      ModerationQueries queries,
      AppealRules appeals,
      AppealAccess access) {
    this.caller = caller;
    this.access = access;
    this.desk = desk;
    this.queries = queries;
    this.appeals = appeals;
  }

  @POST
  @Path("/decisions")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> decide(DecisionCommand command) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return desk.decide(command, moderator).map(taken -> Response.status(201).entity(taken).build());
  }

  @GET
  @Path("/statements")
  @Authenticated
  public Uni<List<Views.Statement>> statements() {
    AccountId me = caller.requireAccount();
    return queries
        .decisionsOn(me.value(), 100)
        .map(
            rows ->
                rows.stream()
                    .map(r -> Views.Statement.of(r, appeals.deadline(r.decision().decidedAt())))
                    .toList());
  }

  /**
   * One statement: the caller's own (someone else's is answered as not found), or, without a login,
   * the one whose appeal capability comes in {@code Agora-Appeal-Capability} (403 when it does not
   * match, 404 for an unknown decision). Neither: 401.
   */
  @GET
  @Path("/statements/{decisionId}")
  @PermitAll
  public Uni<Views.Statement> statement(
      @PathParam("decisionId") String decisionId,
      @HeaderParam(AppealAccess.CAPABILITY_HEADER) String capabilityHeader) {
    String capability = AppealAccess.blankToNull(capabilityHeader);
    return access
        .loginOr(capability)
        .chain(
            login -> {
              return queries
                  .decision(DecisionRules.id("decisionId", decisionId))
                  .chain(
                      row -> {
                        if (capability == null) {
                          return Uni.createFrom()
                              .item(
                                  row.filter(
                                          r -> login.get().equals(r.decision().affectedAccount()))
                                      .orElseThrow(ApiException::notFound));
                        }
                        var found = row.orElseThrow(ApiException::notFound);
                        return access.byCapability(found.decision(), capability).replaceWith(found);
                      })
                  .map(r -> Views.Statement.of(r, appeals.deadline(r.decision().decidedAt())));
            });
  }
}
