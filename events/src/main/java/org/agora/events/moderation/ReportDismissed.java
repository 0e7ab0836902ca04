package org.agora.events.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;

/**
 * A moderator found nothing to act on in the reports named in {@code reasons.reportIds}; keyed by
 * the reported post (or account when no post was named).
 */
public record ReportDismissed(
    UUID decisionId,
    AccountId accountId,
    PostId postId,
    StatementOfReasons reasons,
    Instant dismissedAt)
    implements ModerationDecision {
  public static final String TYPE = "agora.moderation.report-dismissed.v1";

  public ReportDismissed {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(dismissedAt, "dismissedAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
