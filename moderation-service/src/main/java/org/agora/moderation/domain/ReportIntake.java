package org.agora.moderation.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.text.UserText;
import org.agora.events.text.UserText.Lines;

/** Checks a user's report before it is filed. */
public final class ReportIntake {
  public static final int MAX_COMMENT = 1000;
  public static final int MAX_STATUSES = 20;
  public static final int MAX_RULES = 20;

  /** A report that passed the checks. */
  public record CheckedReport(
      AccountId target,
      List<PostId> postIds,
      ReportCategory category,
      List<String> ruleIds,
      boolean forward,
      String comment) {}

  public CheckedReport check(
      AccountId reporter,
      String accountId,
      List<String> statusIds,
      String comment,
      String category,
      String agoraCategory,
      List<String> ruleIds,
      Boolean forward) {
    if (accountId == null || accountId.isBlank()) {
      throw ModerationRejected.invalid("account_id: can't be blank");
    }
    AccountId target = new AccountId(DecisionRules.id("account_id", accountId));
    if (target.equals(reporter)) {
      throw ModerationRejected.invalid("account_id: you cannot report yourself");
    }
    var posts = new LinkedHashSet<PostId>();
    List<String> given = statusIds == null ? List.of() : statusIds;
    if (given.size() > MAX_STATUSES) {
      throw ModerationRejected.invalid(
          "status_ids: " + given.size() + " statuses, at most " + MAX_STATUSES);
    }
    for (String id : given) {
      posts.add(new PostId(DecisionRules.id("status_ids", id)));
    }
    ReportCategory checked =
        ReportCategory.fromReport(category, agoraCategory)
            .orElseThrow(
                () ->
                    ModerationRejected.invalid(
                        (agoraCategory != null && !agoraCategory.isBlank()
                                ? "agora_category"
                                : "category")
                            + ": must be one of spam, legal, violation, other, "
                            + String.join(", ", ReportCategory.ids())));
    String text =
        UserText.optional("comment", comment, MAX_COMMENT, Lines.MANY, ModerationRejected::invalid);
    List<String> rules = new ArrayList<>(ruleIds == null ? List.of() : ruleIds);
    if (rules.size() > MAX_RULES || rules.stream().anyMatch(r -> r == null || r.length() > 40)) {
      throw ModerationRejected.invalid("rule_ids: at most " + MAX_RULES + " ids of 40 characters");
    }
    return new CheckedReport(
        target,
        List.copyOf(posts),
        checked,
        List.copyOf(rules),
        Boolean.TRUE.equals(forward),
        text);
  }

  /** The queue key reports merge on: the post (or the account) and the category. */
  public static String mergeKey(UUID postOrAccount, ReportCategory category) {
    return postOrAccount + ":" + category.id();
  }
}
