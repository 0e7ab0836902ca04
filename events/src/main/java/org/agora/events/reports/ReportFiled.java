package org.agora.events.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;

/**
 * A user reported an account, optionally naming some of its posts. The comment may hold personal
 * data, so it is sealed with the report's own data key (absent when the reporter wrote none).
 */
public record ReportFiled(
    UUID reportId,
    AccountId reporterId,
    AccountId targetAccountId,
    List<PostId> postIds,
    String category,
    List<String> ruleIds,
    boolean forward,
    EncryptedContent comment,
    Instant filedAt)
    implements ReportEvent {
  public static final String TYPE = "agora.moderation.report-filed.v1";

  public ReportFiled {
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(reporterId, "reporterId");
    Objects.requireNonNull(targetAccountId, "targetAccountId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(filedAt, "filedAt");
    postIds = postIds == null ? List.of() : List.copyOf(postIds);
    ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
