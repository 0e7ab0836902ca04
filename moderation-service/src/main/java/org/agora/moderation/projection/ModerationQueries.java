package org.agora.moderation.projection;

import static org.agora.moderation.projection.ModerationStore.instant;
import static org.agora.moderation.projection.ModerationStore.sealed;
import static org.agora.moderation.projection.ModerationStore.split;
import static org.agora.moderation.projection.ModerationStore.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EncryptedContent;
import org.agora.moderation.domain.AppealRules;
import org.agora.moderation.domain.DecisionAction;
import org.agora.moderation.domain.DecisionFacts;

/** Reads of the moderation read models, and the claim/resolve workflow on queue items. */
@ApplicationScoped
public class ModerationQueries {
  private static final String ITEM_COLUMNS =
      "q.id, q.target_account_id, q.post_id, q.category, q.source, q.screening_score,"
          + " q.opened_at, q.status, q.assigned_to, q.resolved_at, q.resolution, q.resolved_by,"
          + " q.updated_at, (select count(distinct r.reporter_id) from item_report r where"
          + " r.item_id = q.id) as reporters, (select count(*) from follow_edge f where"
          + " f.followed_id = q.target_account_id) as followers";

  /** One queue item (a merged set of reports and/or a screening hold). */
  public record ItemRow(
      UUID id,
      UUID accountId,
      UUID postId,
      String category,
      String source,
      double score,
      Instant openedAt,
      String status,
      UUID assignedTo,
      Instant resolvedAt,
      String resolution,
      String resolvedBy,
      Instant updatedAt,
      int reporters,
      long followers) {}

  public record ReportRow(
      UUID reportId,
      UUID itemId,
      UUID reporterId,
      UUID targetAccountId,
      List<String> postIds,
      String category,
      List<String> ruleIds,
      boolean forward,
      EncryptedContent comment,
      Instant filedAt) {}

  public record PostRow(
      UUID postId,
      UUID authorId,
      Instant publishedAt,
      String language,
      EncryptedContent content,
      Instant editedAt) {}

  public record RevisionRow(Instant at, EncryptedContent content) {}

  public record DecisionRow(
      DecisionFacts decision,
      String facts,
      String source,
      boolean automatedDetection,
      boolean automatedDecision,
      List<String> redress,
      List<String> reportIds,
      Instant until) {}

  public record AppealRow(
      UUID appealId,
      UUID decisionId,
      UUID appellantId,
      EncryptedContent text,
      Instant filedAt,
      String status,
      String decidedBy,
      Instant decidedAt) {}

  private final ModerationStore store;

  public ModerationQueries(ModerationStore store) {
    this.store = store;
  }

  public Uni<List<ItemRow>> items(boolean open, int limit) {
    return items(open, null, limit);
  }

  /** Items in a state, optionally only those about one account. */
  public Uni<List<ItemRow>> items(boolean open, UUID account, int limit) {
    return store
        .all(
            "select "
                + ITEM_COLUMNS
                + " from queue_item q where q.status = $1 and ($2::uuid is null or"
                + " q.target_account_id = $2) order by q.opened_at desc limit $3",
            open ? ModerationProjector.OPEN : ModerationProjector.RESOLVED,
            account,
            limit)
        .map(rows -> rows.stream().map(ModerationQueries::item).toList());
  }

  /** The item with this id, or the item a report with this id was merged into. */
  public Uni<Optional<ItemRow>> item(UUID id) {
    return store
        .one(
            "select "
                + ITEM_COLUMNS
                + " from queue_item q where q.id = $1 or q.id = (select item_id from item_report"
                + " where report_id = $1)",
            id)
        .map(row -> row.map(ModerationQueries::item));
  }

  /** The items these ids name (item or report ids). */
  public Uni<List<ItemRow>> itemsOf(List<UUID> ids) {
    return store
        .all(
            "select "
                + ITEM_COLUMNS
                + " from queue_item q where q.id = any($1) or q.id in (select item_id from"
                + " item_report where report_id = any($1))",
            (Object) ids.toArray(UUID[]::new))
        .map(rows -> rows.stream().map(ModerationQueries::item).toList());
  }

  public Uni<List<ItemRow>> openItemsOnPost(UUID post) {
    return store
        .all(
            "select "
                + ITEM_COLUMNS
                + " from queue_item q where q.status = 'open' and q.post_id = $1",
            post)
        .map(rows -> rows.stream().map(ModerationQueries::item).toList());
  }

  private static ItemRow item(Row row) {
    return new ItemRow(
        row.getUUID("id"),
        row.getUUID("target_account_id"),
        row.getUUID("post_id"),
        row.getString("category"),
        row.getString("source"),
        row.getDouble("screening_score"),
        instant(row, "opened_at"),
        row.getString("status"),
        row.getUUID("assigned_to"),
        instant(row, "resolved_at"),
        row.getString("resolution"),
        row.getString("resolved_by"),
        instant(row, "updated_at"),
        row.getLong("reporters").intValue(),
        row.getLong("followers"));
  }

  public Uni<List<ReportRow>> reports(UUID itemId) {
    return store
        .all("select * from item_report where item_id = $1 order by filed_at", itemId)
        .map(rows -> rows.stream().map(ModerationQueries::report).toList());
  }

  public Uni<Optional<ReportRow>> report(UUID reportId) {
    return store
        .one("select * from item_report where report_id = $1", reportId)
        .map(row -> row.map(ModerationQueries::report));
  }

  private static ReportRow report(Row row) {
    return new ReportRow(
        row.getUUID("report_id"),
        row.getUUID("item_id"),
        row.getUUID("reporter_id"),
        row.getUUID("target_account_id"),
        split(row.getString("post_ids")),
        row.getString("category"),
        split(row.getString("rule_ids")),
        row.getBoolean("forward"),
        sealed(row, "comment"),
        instant(row, "filed_at"));
  }

  public Uni<Optional<PostRow>> post(UUID postId) {
    return store
        .one("select * from moderated_post where post_id = $1", postId)
        .map(
            row ->
                row.map(
                    r ->
                        new PostRow(
                            r.getUUID("post_id"),
                            r.getUUID("author_id"),
                            instant(r, "published_at"),
                            r.getString("language"),
                            sealed(r, "content"),
                            instant(r, "edited_at"))));
  }

  public Uni<List<RevisionRow>> revisions(UUID postId) {
    return store
        .all("select * from post_revision where post_id = $1 order by at", postId)
        .map(
            rows ->
                rows.stream()
                    .map(r -> new RevisionRow(instant(r, "at"), sealed(r, "content")))
                    .toList());
  }

  public Uni<List<DecisionRow>> decisionsOn(UUID account, int limit) {
    return store
        .all(
            "select * from decision_record where affected_account_id = $1 order by decided_at desc"
                + " limit $2",
            account,
            limit)
        .map(rows -> rows.stream().map(ModerationQueries::decision).toList());
  }

  /** The appeal capability hashes identity recorded for a suspension. */
  public Uni<List<AppealRules.RecordedCapability>> appealCapabilities(UUID decisionId) {
    return store
        .all(
            "select account_id, capability_hash from appeal_capability where decision_id = $1",
            decisionId)
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new AppealRules.RecordedCapability(
                                new AccountId(r.getUUID("account_id")),
                                r.getString("capability_hash")))
                    .toList());
  }

  public Uni<Optional<DecisionRow>> decision(UUID decisionId) {
    return store
        .one("select * from decision_record where decision_id = $1", decisionId)
        .map(row -> row.map(ModerationQueries::decision));
  }

  private static DecisionRow decision(Row row) {
    UUID affected = row.getUUID("affected_account_id");
    var facts =
        new DecisionFacts(
            row.getUUID("decision_id"),
            DecisionAction.valueOf(row.getString("action").toUpperCase(java.util.Locale.ROOT)),
            row.getUUID("target"),
            affected == null ? null : new AccountId(affected),
            row.getString("actor"),
            row.getString("category"),
            row.getString("ground_type"),
            row.getString("policy_clause"),
            row.getString("legal_ground"),
            instant(row, "decided_at"));
    return new DecisionRow(
        facts,
        row.getString("facts"),
        row.getString("source"),
        row.getBoolean("automated_detection"),
        row.getBoolean("automated_decision"),
        split(row.getString("redress")),
        split(row.getString("report_ids")),
        instant(row, "until"));
  }

  public Uni<Optional<AppealRow>> appeal(UUID appealId) {
    return store
        .one("select * from appeal where appeal_id = $1", appealId)
        .map(row -> row.map(ModerationQueries::appeal));
  }

  public Uni<Optional<AppealRow>> openAppeal(UUID decisionId) {
    return store
        .one("select * from appeal where decision_id = $1 and status = 'open'", decisionId)
        .map(row -> row.map(ModerationQueries::appeal));
  }

  private static AppealRow appeal(Row row) {
    return new AppealRow(
        row.getUUID("appeal_id"),
        row.getUUID("decision_id"),
        row.getUUID("appellant_id"),
        sealed(row, "text"),
        instant(row, "filed_at"),
        row.getString("status"),
        row.getString("decided_by"),
        instant(row, "decided_at"));
  }

  // --- workflow (claims are operational state, not facts of record; see README) ---------------

  public Uni<Boolean> assign(UUID itemId, UUID moderator, Instant at) {
    return update(
        "update queue_item set assigned_to = $2, updated_at = $3 where id = $1",
        itemId,
        moderator,
        at);
  }

  public Uni<Boolean> unassign(UUID itemId, Instant at) {
    return update(
        "update queue_item set assigned_to = null, updated_at = $2 where id = $1",
        itemId,
        null,
        at);
  }

  /** Closes an item without a decision (Mastodon's resolve). */
  public Uni<Boolean> resolve(UUID itemId, String actor, Instant at) {
    return store
        .query(
            "update queue_item set status = 'resolved', resolution = coalesce(resolution,"
                + " 'resolved'), resolved_by = $2, resolved_at = $3, updated_at = $3 where id = $1"
                + " and status = 'open'",
            itemId,
            actor,
            ts(at))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Reopens an item; false when another open item on the same matter exists. */
  public Uni<Boolean> reopen(UUID itemId, Instant at) {
    return store
        .query(
            "update queue_item set status = 'open', resolution = null, resolved_by = null,"
                + " resolved_at = null, updated_at = $2 where id = $1 and status = 'resolved' and"
                + " not exists (select 1 from queue_item o where o.merge_key = queue_item.merge_key"
                + " and o.status = 'open')",
            itemId,
            ts(at))
        .map(rows -> rows.rowCount() == 1);
  }

  private Uni<Boolean> update(String sql, UUID id, UUID value, Instant at) {
    Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> result =
        value == null ? store.query(sql, id, ts(at)) : store.query(sql, id, value, ts(at));
    return result.map(rows -> rows.rowCount() == 1);
  }
}
