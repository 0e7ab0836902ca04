package org.agora.moderation.projection;

import static org.agora.moderation.projection.ModerationStore.firstTime;
import static org.agora.moderation.projection.ModerationStore.joined;
import static org.agora.moderation.projection.ModerationStore.run;
import static org.agora.moderation.projection.ModerationStore.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.AppealDecided;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.ReportDismissed;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.events.reports.AppealFiled;
import org.agora.events.reports.ReportFiled;
import org.agora.moderation.domain.DecisionAction;
import org.agora.moderation.domain.ReportCategory;
import org.agora.moderation.domain.ReportIntake;

/**
 * Applies events to the moderation read models. NOTE: every apply is idempotent: decisions and
 * holds go through the event-id ledger, reports and appeals dedupe on their own ids, posts and
 * follows on natural keys, so a replay from offset 0 yields the same tables.
 */
@ApplicationScoped
public class ModerationProjector {
  public static final String OPEN = "open";
  public static final String RESOLVED = "resolved";

  private final ModerationStore store;

  public ModerationProjector(ModerationStore store) {
    this.store = store;
  }

  // --- posts.events -------------------------------------------------------------------------

  /** A batch of post events in log order, in one transaction. */
  public Uni<Void> applyPosts(List<Object[]> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return store.inTransaction(
        conn -> {
          Uni<Void> all = Uni.createFrom().voidItem();
          for (Object[] item : batch) {
            UUID eventId = (UUID) item[0];
            Object event = item[1];
            all = all.chain(() -> applyPost(conn, eventId, event));
          }
          return all;
        });
  }

  private Uni<Void> applyPost(SqlClient conn, UUID eventId, Object event) {
    return switch (event) {
      case PostPublished p ->
          lockPost(conn, p.postId())
              .chain(
                  () ->
                      run(
                          conn,
                          "insert into moderated_post (post_id, author_id, published_at, language,"
                              + " content_alg, content_nonce, content_ciphertext) values ($1, $2, $3, $4,"
                              + " $5, $6, $7) on conflict (post_id) do nothing",
                          p.postId().value(),
                          p.authorId().value(),
                          ts(p.publishedAt()),
                          p.language(),
                          p.content().alg(),
                          p.content().nonce(),
                          p.content().ciphertext()))
              .chain(() -> revision(conn, eventId, p.postId(), p.publishedAt(), p.content()))
              // NOTE: a hold can be read before the post (another consumer); it gets its author
              // now. Both take the post's lock first, so one of them sees the other's row.
              .chain(
                  () ->
                      run(
                          conn,
                          "update queue_item set target_account_id = $2 where post_id = $1 and"
                              + " target_account_id is null",
                          p.postId().value(),
                          p.authorId().value()))
              .replaceWithVoid();
      case PostEdited e ->
          run(
                  conn,
                  "update moderated_post set content_alg = $1, content_nonce = $2,"
                      + " content_ciphertext = $3, language = $4, edited_at = $5 where post_id = $6"
                      + " and (edited_at is null or edited_at < $5)",
                  e.content().alg(),
                  e.content().nonce(),
                  e.content().ciphertext(),
                  e.language(),
                  ts(e.editedAt()),
                  e.postId().value())
              .chain(() -> revision(conn, eventId, e.postId(), e.editedAt(), e.content()));
      case Retained r -> Uni.createFrom().voidItem();
      case PostDeleted d ->
          run(conn, "delete from post_revision where post_id = $1", d.postId().value())
              .chain(
                  () ->
                      run(
                          conn,
                          "update queue_item set status = 'resolved', resolution = 'deleted',"
                              + " resolved_at = $2, resolved_by = $3, updated_at = $2 where"
                              + " post_id = $1 and status = 'open'",
                          d.postId().value(),
                          ts(d.deletedAt()),
                          "account:" + d.authorId().value()))
              .chain(
                  () ->
                      run(
                          conn,
                          "delete from moderated_post where post_id = $1",
                          d.postId().value()))
              .replaceWithVoid();
      default -> Uni.createFrom().voidItem();
    };
  }

  /** A deletion of a post under evidence escrow: its sealed rows stay until the escrow ends. */
  public record Retained(PostId postId) {}

  private static Uni<Void> revision(
      SqlClient conn, UUID eventId, PostId post, Instant at, EncryptedContent content) {
    return run(
            conn,
            "insert into post_revision (event_id, post_id, at, content_alg, content_nonce,"
                + " content_ciphertext) select $1, $2, $3, $4, $5, $6 where exists (select 1 from"
                + " moderated_post where post_id = $2) on conflict (event_id) do nothing",
            eventId,
            post.value(),
            ts(at),
            content.alg(),
            content.nonce(),
            content.ciphertext())
        .replaceWithVoid();
  }

  // --- identity.follows -----------------------------------------------------------------------

  /**
   * A run of follows and unfollows, in log order, in one transaction of at most two statements: a
   * pair's last event decides whether its edge is there, as applying them one by one would.
   */
  public Uni<Void> applyGraph(List<AgoraEvent> events) {
    Map<List<UUID>, Boolean> follows = new LinkedHashMap<>();
    for (AgoraEvent event : events) {
      switch (event) {
        case AccountFollowed e ->
            follows.put(List.of(e.followerId().value(), e.followedId().value()), true);
        case AccountUnfollowed e ->
            follows.put(List.of(e.followerId().value(), e.followedId().value()), false);
        default -> {}
      }
    }
    if (follows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<UUID[]> added = pairs(follows, true);
    List<UUID[]> removed = pairs(follows, false);
    return store.inTransaction(
        conn ->
            ModerationStore.run(
                    conn,
                    "insert into follow_edge (follower_id, followed_id)"
                        + " select * from unnest($1::uuid[], $2::uuid[]) on conflict do nothing",
                    added.get(0),
                    added.get(1))
                .chain(
                    () ->
                        ModerationStore.run(
                            conn,
                            "delete from follow_edge e using unnest($1::uuid[], $2::uuid[])"
                                + " as t(follower_id, followed_id)"
                                + " where e.follower_id = t.follower_id"
                                + " and e.followed_id = t.followed_id",
                            removed.get(0),
                            removed.get(1)))
                .replaceWithVoid());
  }

  /** The followers and the followed of the pairs whose last event was {@code follow}, as arrays. */
  private static List<UUID[]> pairs(Map<List<UUID>, Boolean> last, boolean follow) {
    List<List<UUID>> chosen =
        last.entrySet().stream()
            .filter(e -> e.getValue() == follow)
            .map(Map.Entry::getKey)
            .toList();
    return List.of(
        chosen.stream().map(p -> p.get(0)).toArray(UUID[]::new),
        chosen.stream().map(p -> p.get(1)).toArray(UUID[]::new));
  }

  // --- identity.accounts ---------------------------------------------------------------------

  /**
   * The appeal capability's hash of a suspension identity applied (older events carry none). A
   * decision applied twice by identity keeps both hashes: either was mailed.
   */
  public Uni<Void> apply(AccountSuspended event) {
    if (event.decisionId() == null || event.appealCapabilityHash() == null) {
      return Uni.createFrom().voidItem();
    }
    return store
        .query(
            "insert into appeal_capability (decision_id, capability_hash, account_id)"
                + " values ($1, $2, $3) on conflict do nothing",
            event.decisionId(),
            event.appealCapabilityHash(),
            event.accountId().value())
        .replaceWithVoid();
  }

  // --- moderation.reports ---------------------------------------------------------------------

  public Uni<Void> apply(ReportFiled event) {
    ReportCategory category = ReportCategory.of(event.category()).orElse(ReportCategory.OTHER);
    UUID subject =
        event.postIds().isEmpty()
            ? event.targetAccountId().value()
            : event.postIds().getFirst().value();
    String mergeKey = ReportIntake.mergeKey(subject, category);
    return store.inTransaction(
        conn ->
            run(conn, "select 1 from item_report where report_id = $1", event.reportId())
                .chain(
                    seen ->
                        seen.size() > 0
                            ? Uni.createFrom().voidItem()
                            : openItem(
                                    conn,
                                    event.reportId(),
                                    mergeKey,
                                    event.targetAccountId(),
                                    event.postIds().isEmpty() ? null : event.postIds().getFirst(),
                                    category,
                                    StatementOfReasons.SOURCE_REPORT,
                                    0,
                                    event.filedAt())
                                .chain(item -> insertReport(conn, item, event))));
  }

  private static Uni<Void> insertReport(SqlClient conn, UUID item, ReportFiled event) {
    EncryptedContent comment = event.comment();
    return run(
            conn,
            "insert into item_report (report_id, item_id, reporter_id, target_account_id,"
                + " post_ids, category, rule_ids, forward, comment_alg, comment_nonce,"
                + " comment_ciphertext, filed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
                + " $11, $12) on conflict (report_id) do nothing",
            event.reportId(),
            item,
            event.reporterId().value(),
            event.targetAccountId().value(),
            joined(event.postIds()),
            event.category(),
            joined(event.ruleIds()),
            event.forward(),
            comment == null ? null : comment.alg(),
            comment == null ? null : comment.nonce(),
            comment == null ? null : comment.ciphertext(),
            ts(event.filedAt()))
        .replaceWithVoid();
  }

  /** The open item for {@code mergeKey}, created when there is none; returns its id. */
  private static Uni<UUID> openItem(
      SqlClient conn,
      UUID id,
      String mergeKey,
      AccountId account,
      PostId post,
      ReportCategory category,
      String source,
      double score,
      Instant at) {
    boolean automated = StatementOfReasons.SOURCE_AUTOMATED.equals(source);
    return run(
            conn,
            "insert into queue_item (id, merge_key, target_account_id, post_id, category, source,"
                + " screening_score, opened_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7,"
                + " $8, $8) on conflict (merge_key) where status = 'open' do update set"
                + " screening_score = greatest(queue_item.screening_score,"
                + " excluded.screening_score), source = case when $9 then 'automated' else"
                + " queue_item.source end, updated_at = excluded.updated_at returning id",
            id,
            mergeKey,
            account == null ? null : account.value(),
            post == null ? null : post.value(),
            category.id(),
            source,
            score,
            ts(at),
            automated)
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  public Uni<Void> apply(AppealFiled event) {
    EncryptedContent text = event.text();
    return store
        .query(
            "insert into appeal (appeal_id, decision_id, appellant_id, text_alg, text_nonce,"
                + " text_ciphertext, filed_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict"
                + " (appeal_id) do nothing",
            event.appealId(),
            event.decisionId(),
            event.appellantId().value(),
            text == null ? null : text.alg(),
            text == null ? null : text.nonce(),
            text == null ? null : text.ciphertext(),
            ts(event.filedAt()))
        .replaceWithVoid();
  }

  /**
   * Serialises, per post, the posts consumer and the decisions consumer, which run concurrently:
   * without it a hold read before its post is committed, and the post's "fill in the author" run
   * before the hold is committed, each miss the other, and the queue item stays without author.
   */
  private static Uni<Void> lockPost(SqlClient conn, PostId post) {
    UUID id = post.value();
    return run(
            conn,
            "select pg_advisory_xact_lock($1)",
            id.getMostSignificantBits() ^ id.getLeastSignificantBits())
        .replaceWithVoid();
  }

  // --- moderation.decisions -------------------------------------------------------------------

  /** A held post enters the queue as an automated item (author from the posts projection). */
  public Uni<Void> apply(UUID eventId, PostScreened event) {
    if (event.cleared()) {
      return Uni.createFrom().voidItem();
    }
    ReportCategory category = ReportCategory.mostSevere(event.categories());
    String mergeKey = ReportIntake.mergeKey(event.postId().value(), category);
    return store.inTransaction(
        conn ->
            firstTime(conn, eventId)
                .chain(
                    first ->
                        !first
                            ? Uni.createFrom().voidItem()
                            : lockPost(conn, event.postId())
                                .chain(
                                    () ->
                                        run(
                                            conn,
                                            "select author_id from moderated_post where post_id"
                                                + " = $1",
                                            event.postId().value()))
                                .chain(
                                    rows -> {
                                      // NOTE: null when the post is not projected yet; filled
                                      // in when it is.
                                      var author =
                                          rows.size() == 0
                                              ? null
                                              : new AccountId(rows.iterator().next().getUUID(0));
                                      Instant opened =
                                          event.publishedAt() == null
                                              ? event.screenedAt()
                                              : event.publishedAt();
                                      return openItem(
                                              conn,
                                              event.decisionId(),
                                              mergeKey,
                                              author,
                                              event.postId(),
                                              category,
                                              StatementOfReasons.SOURCE_AUTOMATED,
                                              event.score(),
                                              opened)
                                          .replaceWithVoid();
                                    })));
  }

  public Uni<Void> applyDecision(
      UUID eventId,
      UUID decisionId,
      DecisionAction action,
      UUID target,
      AccountId accountHint,
      StatementOfReasons reasons,
      Instant until,
      Instant at) {
    if (reasons == null) {
      // NOTE: decisions without a statement come from other producers' tests; nothing to show.
      return Uni.createFrom().voidItem();
    }
    return store.inTransaction(
        conn ->
            firstTime(conn, eventId)
                .chain(
                    first ->
                        !first
                            ? Uni.createFrom().voidItem()
                            : run(
                                    conn,
                                    "insert into decision_record (decision_id, action, target,"
                                        + " affected_account_id, actor, category, ground_type,"
                                        + " policy_clause, legal_ground, facts, source,"
                                        + " automated_detection, automated_decision, redress,"
                                        + " report_ids, until, decided_at) values ($1, $2, $3,"
                                        + " coalesce($4, (select author_id from moderated_post"
                                        + " where post_id = $3)), $5, $6, $7, $8, $9, $10, $11,"
                                        + " $12, $13, $14, $15, $16, $17) on conflict"
                                        + " (decision_id) do nothing",
                                    decisionId,
                                    action.id(),
                                    target,
                                    accountHint == null ? null : accountHint.value(),
                                    reasons.actor(),
                                    reasons.category(),
                                    reasons.groundType(),
                                    reasons.policyClause(),
                                    reasons.legalGround(),
                                    reasons.facts(),
                                    reasons.source(),
                                    reasons.automatedDetection(),
                                    reasons.automatedDecision(),
                                    joined(reasons.redress()),
                                    joined(reasons.reportIds()),
                                    ts(until),
                                    ts(at))
                                .chain(() -> resolve(conn, action, target, reasons, at))));
  }

  private static Uni<Void> resolve(
      SqlClient conn, DecisionAction action, UUID target, StatementOfReasons reasons, Instant at) {
    boolean onPost =
        action == DecisionAction.REMOVE_POST || action == DecisionAction.LABEL_SENSITIVE;
    boolean onAccount = action == DecisionAction.SUSPEND_ACCOUNT;
    return run(
            conn,
            "update queue_item set status = 'resolved', resolution = $1, resolved_at = $2,"
                + " resolved_by = $3, updated_at = $2 where status = 'open' and (id = any($4)"
                + " or id in (select item_id from item_report where report_id = any($4))"
                + " or ($5 and post_id = $6) or ($7 and target_account_id = $6))",
            action.id(),
            ts(at),
            reasons.actor(),
            reasons.reportIds().toArray(UUID[]::new),
            onPost,
            target,
            onAccount)
        .replaceWithVoid();
  }

  public Uni<Void> apply(UUID eventId, AppealDecided event) {
    return store
        .query(
            "update appeal set status = $1, decided_by = $2, decided_at = $3 where appeal_id = $4"
                + " and status = 'open'",
            event.outcome(),
            event.actor(),
            ts(event.decidedAt()),
            event.appealId())
        .replaceWithVoid();
  }

  /** The decision records of the decisions this service itself appends. */
  public Uni<Void> apply(UUID eventId, Object event) {
    return switch (event) {
      case PostScreened s -> apply(eventId, s);
      case PostRemoved r ->
          applyDecision(
              eventId,
              r.decisionId(),
              DecisionAction.REMOVE_POST,
              r.postId().value(),
              null,
              r.reasons(),
              null,
              r.removedAt());
      case PostRestored r ->
          applyDecision(
              eventId,
              r.decisionId(),
              DecisionAction.RESTORE_POST,
              r.postId().value(),
              null,
              r.reasons(),
              null,
              r.restoredAt());
      case PostLabeled l ->
          applyDecision(
              eventId,
              l.decisionId(),
              DecisionAction.LABEL_SENSITIVE,
              l.postId().value(),
              null,
              l.reasons(),
              null,
              l.labeledAt());
      case AccountSuspensionDecided s ->
          applyDecision(
              eventId,
              s.decisionId(),
              DecisionAction.SUSPEND_ACCOUNT,
              s.accountId().value(),
              s.accountId(),
              s.reasons(),
              s.until(),
              s.decidedAt());
      case AccountReinstatementDecided r ->
          applyDecision(
              eventId,
              r.decisionId(),
              DecisionAction.REINSTATE_ACCOUNT,
              r.accountId().value(),
              r.accountId(),
              r.reasons(),
              null,
              r.decidedAt());
      case ReportDismissed d ->
          applyDecision(
              eventId,
              d.decisionId(),
              DecisionAction.DISMISS_REPORT,
              d.postId() == null ? d.accountId().value() : d.postId().value(),
              d.accountId(),
              d.reasons(),
              null,
              d.dismissedAt());
      case AppealDecided a -> apply(eventId, a);
      default -> Uni.createFrom().voidItem();
    };
  }
}
