package org.agora.moderation.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.ReportDismissed;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.text.UserText;
import org.agora.events.text.UserText.Lines;

/** Checks a decision's fields and turns it into its event with a full statement of reasons. */
public final class DecisionRules {
  public static final int MAX_FACTS = 5000;
  public static final int MAX_CLAUSE = 200;
  public static final int MAX_REPORTS = 100;
  static final List<String> RESTORING_REDRESS =
      List.of("out_of_court_settlement", "judicial_redress");

  private final Clock clock;

  public DecisionRules(Clock clock) {
    this.clock = clock;
  }

  public CheckedDecision check(DecisionCommand command) {
    if (command == null) {
      throw ModerationRejected.invalid("action: can't be blank");
    }
    DecisionAction action =
        DecisionAction.of(blankToNull(command.action()))
            .orElseThrow(
                () ->
                    ModerationRejected.invalid(
                        "action: must be one of remove_post, restore_post, label_sensitive,"
                            + " suspend_account, reinstate_account, dismiss_report"));
    UUID target = uuid("target", command.target());
    List<UUID> reports = new ArrayList<>();
    List<String> given = command.reportIds() == null ? List.of() : command.reportIds();
    if (given.size() > MAX_REPORTS) {
      throw ModerationRejected.invalid(
          "reportIds: " + given.size() + " ids, at most " + MAX_REPORTS);
    }
    for (String id : given) {
      reports.add(uuid("reportIds", id));
    }
    if (action == DecisionAction.DISMISS_REPORT && reports.isEmpty()) {
      throw ModerationRejected.invalid("reportIds: dismiss_report needs at least one report id");
    }
    ReportCategory category =
        ReportCategory.of(blankToNull(command.category()))
            .orElseThrow(
                () ->
                    ModerationRejected.invalid(
                        "category: must be one of " + String.join(", ", ReportCategory.ids())));
    String ground = blankToNull(command.groundType());
    if (!StatementOfReasons.ILLEGAL_CONTENT.equals(ground)
        && !StatementOfReasons.INCOMPATIBLE_WITH_TERMS.equals(ground)) {
      throw ModerationRejected.invalid(
          "groundType: must be illegal_content or incompatible_with_terms");
    }
    String clause = line("policyClause", command.policyClause(), MAX_CLAUSE);
    String legal =
        blankToNull(
            UserText.optional(
                "legalGround",
                command.legalGround(),
                MAX_CLAUSE,
                Lines.ONE,
                ModerationRejected::invalid));
    if (StatementOfReasons.ILLEGAL_CONTENT.equals(ground) && legal == null) {
      throw ModerationRejected.invalid("legalGround: required when groundType is illegal_content");
    }
    String facts = required("facts", command.facts(), MAX_FACTS);
    Instant until = null;
    if (blankToNull(command.until()) != null) {
      if (action != DecisionAction.SUSPEND_ACCOUNT) {
        throw ModerationRejected.invalid("until: only a suspension has an end");
      }
      try {
        until = Instant.parse(command.until());
      } catch (DateTimeParseException e) {
        throw ModerationRejected.invalid("until: expected an ISO-8601 instant");
      }
      if (!until.isAfter(clock.instant())) {
        throw ModerationRejected.invalid("until: must lie in the future");
      }
    }
    return new CheckedDecision(
        action, target, List.copyOf(reports), category, ground, clause, legal, facts, until);
  }

  /**
   * The decision's event. {@code source} and {@code automatedDetection} say how the matter came up
   * (screening, a report, the moderator's own finding); a human always decides here.
   */
  public ModerationDecision decide(
      CheckedDecision decision,
      UUID decisionId,
      String actor,
      AccountId affectedAccount,
      String source,
      boolean automatedDetection) {
    Instant now = clock.instant();
    boolean restoring =
        decision.action() == DecisionAction.RESTORE_POST
            || decision.action() == DecisionAction.REINSTATE_ACCOUNT;
    var reasons =
        new StatementOfReasons(
            actor,
            decision.category().id(),
            decision.groundType(),
            decision.policyClause(),
            decision.legalGround(),
            decision.facts(),
            source,
            automatedDetection,
            false,
            restoring ? RESTORING_REDRESS : StatementOfReasons.FULL_REDRESS,
            decision.reportIds());
    PostId post = decision.action().onPost() ? new PostId(decision.target()) : null;
    return switch (decision.action()) {
      case REMOVE_POST -> new PostRemoved(decisionId, post, decision.policyClause(), now, reasons);
      case RESTORE_POST -> new PostRestored(decisionId, post, now, reasons);
      case LABEL_SENSITIVE -> new PostLabeled(decisionId, post, reasons, now);
      case SUSPEND_ACCOUNT ->
          new AccountSuspensionDecided(
              decisionId, new AccountId(decision.target()), decision.until(), reasons, now);
      case REINSTATE_ACCOUNT ->
          new AccountReinstatementDecided(
              decisionId, new AccountId(decision.target()), reasons, now);
      case DISMISS_REPORT ->
          new ReportDismissed(
              decisionId,
              affectedAccount,
              affectedAccount.value().equals(decision.target())
                  ? null
                  : new PostId(decision.target()),
              reasons,
              now);
      case HOLD_POST -> throw new IllegalArgumentException("holds are screening's own");
    };
  }

  private static UUID uuid(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ModerationRejected.invalid(field + ": can't be blank");
    }
    try {
      UUID id = UUID.fromString(value);
      if (!id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException(value);
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw ModerationRejected.invalid(field + ": " + shorten(value) + " is not a valid id");
    }
  }

  /** Text written by a person over several lines, kept to {@link UserText}'s rules. */
  static String required(String field, String value, int max) {
    return UserText.required(field, value, max, Lines.MANY, ModerationRejected::invalid);
  }

  /** As {@link #required}, on one line. */
  static String line(String field, String value, int max) {
    return UserText.required(field, value, max, Lines.ONE, ModerationRejected::invalid);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /** An id from a request, or a 422 naming the field. */
  public static UUID id(String field, String value) {
    return uuid(field, value);
  }
}
