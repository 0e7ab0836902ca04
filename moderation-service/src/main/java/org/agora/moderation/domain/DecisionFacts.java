package org.agora.moderation.domain;

import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;

/** What the rules need to know about a past decision (from the decisions projection). */
public record DecisionFacts(
    UUID decisionId,
    DecisionAction action,
    UUID target,
    AccountId affectedAccount,
    String actor,
    String category,
    String groundType,
    String policyClause,
    String legalGround,
    Instant decidedAt) {}
