package org.agora.events.moderation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The statement of reasons of a moderation decision, with the fields DSA Art. 17 asks for: who
 * decided ({@code actor}: an account id, or {@code system:<service>}), the ground ({@code
 * illegal_content} with its legal ground, or {@code incompatible_with_terms} with the policy
 * clause), the facts relied on, whether automation detected or decided it, what started it ({@code
 * source}: automated, report or moderator) and the redress open to the affected user.
 */
public record StatementOfReasons(
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
    List<UUID> reportIds) {
  public static final String ILLEGAL_CONTENT = "illegal_content";
  public static final String INCOMPATIBLE_WITH_TERMS = "incompatible_with_terms";
  public static final String SOURCE_AUTOMATED = "automated";
  public static final String SOURCE_REPORT = "report";
  public static final String SOURCE_MODERATOR = "moderator";
  public static final List<String> FULL_REDRESS =
      List.of("internal_appeal", "out_of_court_settlement", "judicial_redress");

  public StatementOfReasons {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(groundType, "groundType");
    Objects.requireNonNull(policyClause, "policyClause");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(source, "source");
    redress = redress == null ? List.of() : List.copyOf(redress);
    reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
  }
}
