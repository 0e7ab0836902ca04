package org.agora.moderation.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostRestored;
import org.agora.events.reports.AppealFiled;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.AppealRules;
import org.agora.moderation.domain.DecisionFacts;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.domain.ModerationRejected;
import org.agora.moderation.messaging.ModerationLog;
import org.agora.moderation.messaging.TextKeys;
import org.agora.moderation.projection.ModerationQueries;

/**
 * Appeals: filed by the affected user (logged in, or with the appeal capability of a suspension),
 * decided by another moderator than the one who decided.
 */
@Path("/api/agora/v1/moderation/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealsResource {
  public record AppealRequest(String decisionId, String text, String capability) {}

  public record AppealDecisionRequest(String outcome, String facts) {}

  private final Caller caller;
  private final AppealRules rules;
  private final ModerationQueries queries;
  private final TextKeys texts;
  private final ModerationLog log;
  private final Clock clock;
  private final AppealAccess access;

  public AppealsResource(
      Caller caller,
      AppealRules rules,
      ModerationQueries queries,
      TextKeys texts,
      ModerationLog log,
      Clock clock,
      AppealAccess access) {
    this.caller = caller;
    this.access = access;
    this.rules = rules;
    this.queries = queries;
    this.texts = texts;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Files an appeal as the logged-in affected user or, without a login, with the appeal capability
   * mailed to a suspended account (then the appellant is the decision's affected account). Neither:
   * 401.
   */
  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> file(AppealRequest request) {
    String capability = request == null ? null : AppealAccess.blankToNull(request.capability());
    return access
        .loginOr(capability)
        .chain(
            login -> {
              if (request == null) {
                throw ModerationRejected.invalid("decisionId: can't be blank");
              }
              UUID decisionId = DecisionRules.id("decisionId", request.decisionId());
              return decision(decisionId)
                  .chain(
                      decision ->
                          (capability == null
                                  ? Uni.createFrom().item(login.get())
                                  : access.byCapability(decision, capability))
                              .chain(appellant -> file(decision, appellant, request.text())));
            });
  }

  private Uni<Response> file(DecisionFacts decision, AccountId appellant, String appealText) {
    UUID decisionId = decision.decisionId();
    String text = rules.checkFiling(decision, appellant, appealText);
    return queries
        .openAppeal(decisionId)
        .chain(
            open -> {
              if (open.isPresent()) {
                throw ModerationRejected.conflict(
                    "decisionId: an appeal against this decision is open already");
              }
              UUID id = UUID.randomUUID();
              Instant now = clock.instant();
              var sealing = texts.seal(id, text);
              var filed = new AppealFiled(id, decisionId, appellant, sealing.sealed(), now);
              return log.file(sealing.key(), filed, id, now, DecisionDesk.actor(appellant))
                  .replaceWith(
                      Response.status(201)
                          .entity(new Views.AppealView(id, decisionId, "open", now, null, null))
                          .build());
            });
  }

  @POST
  @Path("/{id}/decision")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Views.AppealDecisionView> decide(
      @PathParam("id") String id, AppealDecisionRequest request) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    if (request == null) {
      throw ModerationRejected.invalid("outcome: must be upheld or reversed");
    }
    UUID appealId = DecisionRules.id("id", id);
    String actor = DecisionDesk.actor(moderator);
    return queries
        .appeal(appealId)
        .map(a -> a.orElseThrow(() -> ModerationRejected.notFound("id: no appeal with this id")))
        .chain(
            appeal -> {
              if (!"open".equals(appeal.status())) {
                throw ModerationRejected.conflict("id: the appeal was decided already");
              }
              return decision(appeal.decisionId())
                  .chain(
                      decision -> {
                        String outcome =
                            rules.checkDeciding(decision.actor(), actor, request.outcome());
                        List<ModerationDecision> events =
                            rules.decide(appealId, decision, actor, outcome, request.facts());
                        Uni<Void> all = Uni.createFrom().voidItem();
                        String subject = decision.target().toString();
                        for (ModerationDecision event : events) {
                          all = all.chain(() -> log.decide(event, subject, clock.instant(), actor));
                        }
                        UUID compensating = events.size() > 1 ? events.get(1).decisionId() : null;
                        return all.replaceWith(
                            new Views.AppealDecisionView(
                                appealId, outcome, events.getFirst().decisionId(), compensating));
                      });
            });
  }

  private Uni<DecisionFacts> decision(UUID decisionId) {
    return queries
        .decision(decisionId)
        .map(
            row ->
                row.map(r -> r.decision())
                    .orElseThrow(
                        () -> ModerationRejected.notFound("decisionId: no decision with this id")));
  }

  static boolean restores(ModerationDecision event) {
    return event instanceof PostRestored;
  }
}
