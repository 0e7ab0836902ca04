package org.agora.moderation.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.DecisionCommand;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.domain.ModerationRejected;
import org.agora.moderation.projection.ModerationQueries;
import org.agora.moderation.projection.ModerationQueries.ItemRow;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's {@code POST /api/v1/admin/accounts/:id/action}, mapped onto decisions: {@code none}
 * dismisses the report, {@code sensitive} labels the reported post, {@code disable} and {@code
 * suspend} suspend the account permanently; {@code silence} has no Agora equivalent (422). {@code
 * text} becomes the facts; the clause is {@code terms.<category>}.
 */
@Path("/api/v1/admin/accounts/{id}/action")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {
  public record ActionRequest(
      String type, @JsonProperty("report_id") String reportId, String text) {}

  private final Caller caller;
  private final DecisionDesk desk;
  private final ModerationQueries queries;

  public AdminAccountsResource(Caller caller, DecisionDesk desk, ModerationQueries queries) {
    this.caller = caller;
    this.desk = desk;
    this.queries = queries;
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Map<String, Object>> act(@PathParam("id") String id, ActionRequest request) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return act(id, request == null ? new ActionRequest(null, null, null) : request, moderator);
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Map<String, Object>> actForm(
      @PathParam("id") String id,
      @RestForm String type,
      @RestForm("report_id") String reportId,
      @RestForm String text) {
    AccountId moderator = caller.requireStaff(Caller.MODERATOR, Caller.ADMIN);
    return act(id, new ActionRequest(type, reportId, text), moderator);
  }

  private Uni<Map<String, Object>> act(String id, ActionRequest request, AccountId moderator) {
    UUID account = DecisionRules.id("id", id);
    String type = request.type() == null ? "" : request.type();
    if (!List.of("none", "sensitive", "disable", "silence", "suspend").contains(type)) {
      throw ModerationRejected.invalid(
          "type: must be one of none, sensitive, disable, silence, suspend");
    }
    if (type.equals("silence")) {
      throw ModerationRejected.invalid(
          "type: silence is not supported; use suspend, or a temporary suspension on"
              + " /api/agora/v1/moderation/decisions");
    }
    Uni<Optional<ItemRow>> item =
        request.reportId() == null || request.reportId().isBlank()
            ? Uni.createFrom().item(Optional.empty())
            : queries.item(DecisionRules.id("report_id", request.reportId()));
    return item.chain(
        found -> {
          if (found.isPresent() && !account.equals(found.get().accountId())) {
            throw ModerationRejected.invalid("report_id: the report is not about this account");
          }
          if (found.isEmpty() && (type.equals("none") || type.equals("sensitive"))) {
            throw ModerationRejected.invalid("report_id: " + type + " needs a report");
          }
          String category = found.map(ItemRow::category).orElse("other");
          String action =
              switch (type) {
                case "none" -> "dismiss_report";
                case "sensitive" -> "label_sensitive";
                default -> "suspend_account";
              };
          String target =
              action.equals("label_sensitive")
                  ? Optional.ofNullable(found.get().postId())
                      .orElseThrow(
                          () -> ModerationRejected.invalid("report_id: the report names no post"))
                      .toString()
                  : account.toString();
          String facts =
              request.text() == null || request.text().isBlank()
                  ? "Action " + type + " taken on the report by a moderator."
                  : request.text();
          return desk.decide(
                  new DecisionCommand(
                      action,
                      target,
                      found.map(i -> List.of(i.id().toString())).orElse(List.of()),
                      category,
                      StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
                      "terms." + category,
                      null,
                      facts,
                      null),
                  moderator)
              .map(taken -> Map.<String, Object>of());
        });
  }
}
