package org.agora.moderation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.reports.ReportFiled;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.ModerationRejected;
import org.agora.moderation.domain.ReportIntake;
import org.agora.moderation.domain.ReportRateLimit;
import org.agora.moderation.messaging.ModerationLog;
import org.agora.moderation.messaging.TextKeys;
import org.agora.moderation.projection.ModerationQueries;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's {@code POST /api/v1/reports}. Agora's categories come in through {@code category} (one
 * of the seven ids) or refine Mastodon's {@code legal}/{@code violation} via {@code
 * agora_category}. The comment is sealed under the report's own key before it reaches the log.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {
  /** The JSON body (form bodies carry the same fields). */
  public record ReportRequest(
      @JsonProperty("account_id") String accountId,
      @JsonProperty("status_ids") List<String> statusIds,
      String comment,
      String category,
      @JsonProperty("agora_category") String agoraCategory,
      @JsonProperty("rule_ids") List<String> ruleIds,
      Boolean forward) {}

  private final Caller caller;
  private final ReportIntake intake;
  private final ReportRateLimit rateLimit;
  private final TextKeys texts;
  private final ModerationLog log;
  private final ModerationQueries queries;
  private final Clock clock;
  private final String base;

  public ReportsResource(
      Caller caller,
      ReportIntake intake,
      ReportRateLimit rateLimit,
      TextKeys texts,
      ModerationLog log,
      ModerationQueries queries,
      Clock clock,
      @ConfigProperty(name = "agora.public-url") String base) {
    this.caller = caller;
    this.intake = intake;
    this.rateLimit = rateLimit;
    this.texts = texts;
    this.log = log;
    this.queries = queries;
    this.clock = clock;
    this.base = base;
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<MastodonViews.Report> file(ReportRequest request) {
    AccountId reporter = caller.requireSpeaker();
    if (request == null) {
      throw ModerationRejected.invalid("account_id: can't be blank");
    }
    return file(reporter, request);
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<MastodonViews.Report> fileForm(
      @RestForm("account_id") String accountId,
      @RestForm("status_ids[]") List<String> statusIds,
      @RestForm String comment,
      @RestForm String category,
      @RestForm("agora_category") String agoraCategory,
      @RestForm("rule_ids[]") List<String> ruleIds,
      @RestForm String forward) {
    AccountId reporter = caller.requireSpeaker();
    return file(
        reporter,
        new ReportRequest(
            accountId,
            statusIds,
            comment,
            category,
            agoraCategory,
            ruleIds,
            "true".equalsIgnoreCase(forward) || "1".equals(forward)));
  }

  private Uni<MastodonViews.Report> file(AccountId reporter, ReportRequest request) {
    var report =
        intake.check(
            reporter,
            request.accountId(),
            request.statusIds(),
            request.comment(),
            request.category(),
            request.agoraCategory(),
            request.ruleIds(),
            request.forward());
    return checkAuthors(report)
        .chain(
            () -> {
              rateLimit.acquire(reporter);
              UUID id = UUID.randomUUID();
              Instant now = clock.instant();
              var sealing = texts.seal(id, report.comment());
              var filed =
                  new ReportFiled(
                      id,
                      reporter,
                      report.target(),
                      report.postIds(),
                      report.category().id(),
                      report.ruleIds(),
                      report.forward(),
                      sealing.sealed(),
                      now);
              return log.file(sealing.key(), filed, id, now, DecisionDesk.actor(reporter))
                  .replaceWith(MastodonViews.Report.of(filed, report.comment(), base));
            });
  }

  /** Posts this service knows must be by the reported account; unknown ones are taken on trust. */
  private Uni<Void> checkAuthors(ReportIntake.CheckedReport report) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (PostId post : report.postIds()) {
      all =
          all.chain(
              () ->
                  queries
                      .post(post.value())
                      .invoke(
                          row ->
                              row.filter(p -> !p.authorId().equals(report.target().value()))
                                  .ifPresent(
                                      p -> {
                                        throw ModerationRejected.invalid(
                                            "status_ids: " + post + " is not by account_id");
                                      }))
                      .replaceWithVoid());
    }
    return all;
  }
}
