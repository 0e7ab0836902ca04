package org.agora.moderation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A decision whose fields passed {@link DecisionRules#check}. */
public record CheckedDecision(
    DecisionAction action,
    UUID target,
    List<UUID> reportIds,
    ReportCategory category,
    String groundType,
    String policyClause,
    String legalGround,
    String facts,
    Instant until) {}
