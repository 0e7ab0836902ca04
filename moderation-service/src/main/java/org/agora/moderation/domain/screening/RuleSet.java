package org.agora.moderation.domain.screening;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The compiled rules of one language: the rules, the gates for where rules may start (indexed by
 * {@link Rule#starter()}), the gate for trigger words, and the idioms with their gate.
 */
record RuleSet(
    String language,
    List<Rule> rules,
    List<TriggerGate> starters,
    TriggerGate gate,
    Pattern idioms,
    TriggerGate idiomGate) {}
