package org.agora.moderation.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.moderation.domain.CheckedDecision;
import org.agora.moderation.domain.DecisionAction;
import org.agora.moderation.domain.DecisionCommand;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.domain.ModerationRejected;
import org.agora.moderation.messaging.EvidenceVault;
import org.agora.moderation.messaging.ModerationLog;
import org.agora.moderation.projection.ModerationQueries;
import org.agora.moderation.projection.ModerationQueries.ItemRow;
import org.jboss.logging.Logger;

/**
 * Turns a moderator's decision into its event: checks the fields, finds who is affected and how the
 * matter came up (screening, reports, the moderator), escrows evidence for an illegal-content
 * removal, then appends. The queue and the statements follow from the log.
 */
@ApplicationScoped
public class DecisionDesk {
  private static final Logger LOG = Logger.getLogger(DecisionDesk.class);

  private final DecisionRules rules;
  private final ModerationQueries queries;
  private final ModerationLog log;
  private final EvidenceVault vault;
  private final ContentKeyRing contentKeys;
  private final Clock clock;

  public DecisionDesk(
      DecisionRules rules,
      ModerationQueries queries,
      ModerationLog log,
      EvidenceVault vault,
      ContentKeyRing contentKeys,
      Clock clock) {
    this.rules = rules;
    this.queries = queries;
    this.log = log;
    this.vault = vault;
    this.contentKeys = contentKeys;
    this.clock = clock;
  }

  public static String actor(AccountId account) {
    return "account:" + account.value();
  }

  public Uni<Views.DecisionTaken> decide(DecisionCommand command, AccountId moderator) {
    CheckedDecision decision = rules.check(command);
    return affected(decision)
        .chain(
            affected ->
                queries
                    .itemsOf(decision.reportIds())
                    .chain(
                        items -> {
                          if (items.isEmpty() && !decision.reportIds().isEmpty()) {
                            throw ModerationRejected.invalid(
                                "reportIds: no report or queue item with these ids");
                          }
                          return decision.action().onPost()
                              ? queries
                                  .openItemsOnPost(decision.target())
                                  .map(
                                      open ->
                                          java.util.stream.Stream.concat(
                                                  items.stream(), open.stream())
                                              .toList())
                              : Uni.createFrom().item(items);
                        })
                    .chain(items -> append(decision, moderator, affected, items)));
  }

  private Uni<AccountId> affected(CheckedDecision decision) {
    if (decision.action() == DecisionAction.DISMISS_REPORT) {
      return queries
          .itemsOf(decision.reportIds())
          .map(
              items ->
                  items.stream()
                      .filter(item -> item.accountId() != null)
                      .findFirst()
                      .map(item -> new AccountId(item.accountId()))
                      .orElseThrow(
                          () ->
                              ModerationRejected.invalid(
                                  "reportIds: no report or queue item with these ids")));
    }
    if (!decision.action().onPost()) {
      return Uni.createFrom().item(new AccountId(decision.target()));
    }
    return queries
        .post(decision.target())
        .map(
            post ->
                post.map(p -> new AccountId(p.authorId()))
                    .orElseThrow(
                        () -> ModerationRejected.notFound("target: no post with this id")));
  }

  private Uni<Views.DecisionTaken> append(
      CheckedDecision decision, AccountId moderator, AccountId affected, List<ItemRow> items) {
    boolean automated =
        items.stream().anyMatch(i -> StatementOfReasons.SOURCE_AUTOMATED.equals(i.source()));
    String source =
        automated
            ? StatementOfReasons.SOURCE_AUTOMATED
            : decision.reportIds().isEmpty()
                ? StatementOfReasons.SOURCE_MODERATOR
                : StatementOfReasons.SOURCE_REPORT;
    UUID decisionId = UUID.randomUUID();
    String actor = actor(moderator);
    ModerationDecision event =
        rules.decide(decision, decisionId, actor, affected, source, automated);
    String subject =
        decision.action().onPost() || decision.action() == DecisionAction.DISMISS_REPORT
            ? decision.target().toString()
            : affected.toString();
    Uni<Boolean> evidence = Uni.createFrom().item((Boolean) null);
    if (event instanceof PostRemoved removed
        && StatementOfReasons.ILLEGAL_CONTENT.equals(decision.groundType())) {
      evidence =
          contentKeys
              .find(removed.postId().value())
              .map(key -> vault.escrow(removed.postId(), decisionId, key, actor).replaceWith(true))
              .orElseGet(
                  () -> {
                    LOG.warnf("no data key for %s: nothing to escrow", removed.postId());
                    return Uni.createFrom().item(false);
                  });
    }
    return evidence.chain(
        escrowed ->
            log.decide(event, subject, clock.instant(), actor)
                .replaceWith(
                    new Views.DecisionTaken(
                        decisionId,
                        event.type(),
                        decision.action().id(),
                        decision.target(),
                        affected.value(),
                        reasons(event),
                        escrowed)));
  }

  private static Object reasons(ModerationDecision event) {
    try {
      return event.getClass().getMethod("reasons").invoke(event);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** The post a decision targets, when it names one. */
  static PostId post(UUID target) {
    return new PostId(target);
  }
}
