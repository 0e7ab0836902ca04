package org.agora.moderation.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.PostId;
import org.agora.events.reports.ReportFiled;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.moderation.domain.ReportCategory;
import org.agora.moderation.projection.ModerationQueries.ItemRow;
import org.agora.moderation.projection.ModerationQueries.ReportRow;

/** Mastodon's Report and Admin::Report entities (snake_case). */
final class MastodonViews {
  private MastodonViews() {}

  /** The Report entity a reporter gets back. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Report(
      String id,
      boolean actionTaken,
      Instant actionTakenAt,
      String category,
      String agoraCategory,
      String comment,
      boolean forwarded,
      Instant createdAt,
      List<String> statusIds,
      List<String> ruleIds,
      MastodonAccount targetAccount) {
    static Report of(ReportFiled filed, String comment, String base) {
      ReportCategory category = ReportCategory.of(filed.category()).orElse(ReportCategory.OTHER);
      return new Report(
          filed.reportId().toString(),
          false,
          null,
          category.mastodon(),
          category.id(),
          comment,
          filed.forward(),
          filed.filedAt(),
          filed.postIds().stream().map(PostId::toString).toList(),
          filed.ruleIds(),
          account(filed.targetAccountId().value(), filed.filedAt(), base));
    }
  }

  /** An admin account known by id only (identity owns profiles). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AdminAccount(String id, String username, MastodonAccount account) {}

  /** Mastodon's Admin::Report, one per queue item (merged reports show as one). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AdminReport(
      String id,
      boolean actionTaken,
      Instant actionTakenAt,
      String category,
      String agoraCategory,
      String source,
      String comment,
      boolean forwarded,
      Instant createdAt,
      Instant updatedAt,
      int reporters,
      List<String> reportIds,
      AdminAccount account,
      AdminAccount targetAccount,
      AdminAccount assignedAccount,
      String actionTakenBy,
      List<String> statusIds,
      List<String> ruleIds) {
    static AdminReport of(
        ItemRow item, List<ReportRow> reports, List<String> comments, String base) {
      ReportCategory category = ReportCategory.of(item.category()).orElse(ReportCategory.OTHER);
      ReportRow first = reports.isEmpty() ? null : reports.getFirst();
      return new AdminReport(
          item.id().toString(),
          "resolved".equals(item.status()),
          item.resolvedAt(),
          category.mastodon(),
          category.id(),
          item.source(),
          String.join("\n\n", comments),
          first != null && first.forward(),
          item.openedAt(),
          item.updatedAt(),
          item.reporters(),
          reports.stream().map(r -> r.reportId().toString()).toList(),
          first == null ? null : admin(first.reporterId(), first.filedAt(), base),
          item.accountId() == null ? null : admin(item.accountId(), item.openedAt(), base),
          item.assignedTo() == null ? null : admin(item.assignedTo(), item.openedAt(), base),
          item.resolvedBy(),
          item.postId() == null ? List.of() : List.of(item.postId().toString()),
          reports.stream().flatMap(r -> r.ruleIds().stream()).distinct().toList());
    }
  }

  static AdminAccount admin(UUID id, Instant at, String base) {
    return new AdminAccount(id.toString(), id.toString(), account(id, at, base));
  }

  static MastodonAccount account(UUID id, Instant at, String base) {
    return MastodonAccount.minimal(id.toString(), id.toString(), at, base);
  }
}
