package org.agora.moderation.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.agora.events.EncryptedContent;
import org.agora.events.crypto.CryptoException;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.moderation.domain.AppealRules;
import org.agora.moderation.domain.RiskQueue;
import org.agora.moderation.messaging.TextKeys;
import org.agora.moderation.projection.ModerationQueries;
import org.agora.moderation.projection.ModerationQueries.ItemRow;
import org.agora.moderation.projection.ModerationQueries.ReportRow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Renders queue items for moderators: content opened in memory, history, prior decisions. */
@ApplicationScoped
public class QueueViews {
  private final ModerationQueries queries;
  private final ContentKeyRing contentKeys;
  private final TextKeys texts;
  private final AppealRules appeals;
  private final String base;

  public QueueViews(
      ModerationQueries queries,
      ContentKeyRing contentKeys,
      TextKeys texts,
      AppealRules appeals,
      @ConfigProperty(name = "agora.public-url") String base) {
    this.queries = queries;
    this.contentKeys = contentKeys;
    this.texts = texts;
    this.appeals = appeals;
    this.base = base;
  }

  public static RiskQueue.Entry entry(ItemRow item) {
    return new RiskQueue.Entry(
        item.id(),
        org.agora.moderation.domain.ReportCategory.of(item.category())
            .orElse(org.agora.moderation.domain.ReportCategory.OTHER),
        item.score(),
        item.reporters(),
        item.followers(),
        item.openedAt());
  }

  public Uni<Views.QueueEntry> entry(ItemRow item, RiskQueue.Ranked ranked) {
    Uni<Optional<Views.PostView>> post =
        item.postId() == null ? Uni.createFrom().item(Optional.empty()) : post(item);
    return post.chain(
        p ->
            queries
                .reports(item.id())
                .chain(
                    reports ->
                        (item.accountId() == null
                                ? Uni.createFrom().item(List.<ModerationQueries.DecisionRow>of())
                                : queries.decisionsOn(item.accountId(), 20))
                            .map(
                                decisions ->
                                    new Views.QueueEntry(
                                        item.id(),
                                        item.category(),
                                        item.source(),
                                        ranked == null ? 0 : ranked.risk(),
                                        ranked == null ? null : ranked.deadline(),
                                        ranked != null && ranked.nearBreach(),
                                        ranked != null && ranked.breached(),
                                        item.reporters(),
                                        item.followers(),
                                        item.score(),
                                        item.openedAt(),
                                        item.status(),
                                        item.assignedTo(),
                                        item.accountId(),
                                        item.postId(),
                                        p.orElse(null),
                                        reports.stream().map(this::report).toList(),
                                        decisions.stream()
                                            .map(
                                                d ->
                                                    Views.Statement.of(
                                                        d,
                                                        appeals.deadline(d.decision().decidedAt())))
                                            .toList()))));
  }

  private Uni<Optional<Views.PostView>> post(ItemRow item) {
    return queries
        .post(item.postId())
        .chain(
            row ->
                row.isEmpty()
                    ? Uni.createFrom().item(Optional.<Views.PostView>empty())
                    : queries
                        .revisions(item.postId())
                        .map(
                            revisions -> {
                              var p = row.get();
                              String id = p.postId().toString();
                              return Optional.of(
                                  new Views.PostView(
                                      p.postId(),
                                      p.authorId(),
                                      p.publishedAt(),
                                      p.language(),
                                      open(p.postId(), p.content(), id),
                                      p.editedAt(),
                                      revisions.stream()
                                          .map(
                                              r ->
                                                  new Views.RevisionView(
                                                      r.at(), open(p.postId(), r.content(), id)))
                                          .toList()));
                            }));
  }

  /** Plaintext only in memory; null when the key is gone (the post was shredded). */
  private String open(java.util.UUID post, EncryptedContent content, String aggregate) {
    try {
      return contentKeys.find(post).map(key -> key.open(content, aggregate)).orElse(null);
    } catch (CryptoException e) {
      return null;
    }
  }

  Views.ReportView report(ReportRow r) {
    return new Views.ReportView(
        r.reportId(),
        r.reporterId(),
        r.category(),
        r.postIds(),
        r.ruleIds(),
        texts.open(r.reportId(), r.comment()).orElse(null),
        r.filedAt());
  }

  public Uni<MastodonViews.AdminReport> admin(ItemRow item) {
    return queries
        .reports(item.id())
        .map(
            reports -> {
              List<String> comments =
                  reports.stream()
                      .map(r -> texts.open(r.reportId(), r.comment()).orElse(""))
                      .filter(c -> !c.isEmpty())
                      .toList();
              return MastodonViews.AdminReport.of(item, reports, comments, base);
            });
  }
}
