package org.agora.moderation.domain;

import java.util.List;

/** A moderator's decision as asked for, not yet checked. */
public record DecisionCommand(
    String action,
    String target,
    List<String> reportIds,
    String category,
    String groundType,
    String policyClause,
    String legalGround,
    String facts,
    String until) {}
