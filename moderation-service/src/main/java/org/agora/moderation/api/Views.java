package org.agora.moderation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.moderation.projection.ModerationQueries.DecisionRow;

/** Agora's own response bodies (camelCase, like the event contracts). */
final class Views {
  private Views() {}

  /** A statement of reasons as the affected user and moderators read it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Statement(
      UUID decisionId,
      String action,
      UUID target,
      UUID affectedAccountId,
      String actor,
      String category,
      String groundType,
      String policyClause,
      String legalGround,
      String facts,
      String source,
      boolean automatedDetection,
      boolean automatedDecision,
      List<String> redress,
      List<String> reportIds,
      Instant until,
      Instant decidedAt,
      Instant appealUntil) {
    static Statement of(DecisionRow row, Instant appealUntil) {
      var d = row.decision();
      return new Statement(
          d.decisionId(),
          d.action().id(),
          d.target(),
          d.affectedAccount() == null ? null : d.affectedAccount().value(),
          d.actor(),
          d.category(),
          d.groundType(),
          d.policyClause(),
          d.legalGround(),
          row.facts(),
          row.source(),
          row.automatedDetection(),
          row.automatedDecision(),
          row.redress(),
          row.reportIds(),
          row.until(),
          d.decidedAt(),
          d.action().appealable() ? appealUntil : null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DecisionTaken(
      UUID decisionId,
      String type,
      String action,
      UUID target,
      UUID affectedAccountId,
      Object reasons,
      Boolean evidenceEscrowed) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record QueueEntry(
      UUID id,
      String category,
      String source,
      double risk,
      Instant deadline,
      boolean nearBreach,
      boolean breached,
      int reporters,
      long followers,
      double screeningScore,
      Instant openedAt,
      String status,
      UUID assignedTo,
      UUID accountId,
      UUID postId,
      PostView post,
      List<ReportView> reports,
      List<Statement> priorDecisions) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PostView(
      UUID id,
      UUID authorId,
      Instant publishedAt,
      String language,
      String text,
      Instant editedAt,
      List<RevisionView> history) {}

  record RevisionView(Instant at, String text) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReportView(
      UUID id,
      UUID reporterId,
      String category,
      List<String> statusIds,
      List<String> ruleIds,
      String comment,
      Instant filedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AppealView(
      UUID id, UUID decisionId, String status, Instant filedAt, String outcome, UUID decisionOf) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AppealDecisionView(
      UUID appealId, String outcome, UUID decisionId, UUID compensatingDecisionId) {}

  record Evidence(
      UUID postId,
      UUID authorId,
      Instant publishedAt,
      String language,
      String text,
      Instant escrowedUntil,
      UUID accessId) {}

  record BulkResult(UUID id, int status, UUID decisionId, String error) {}
}
