package org.agora.events.moderation;

import java.util.UUID;
import org.agora.events.AgoraEvent;

/** The stream {@code moderation.decisions}, keyed by the affected post or account id. */
public sealed interface ModerationDecision extends AgoraEvent
    permits PostScreened,
        PostRemoved,
        PostRestored,
        PostLabeled,
        PostUnlabeled,
        AccountSuspensionDecided,
        AccountReinstatementDecided,
        ReportDismissed,
        AppealDecided,
        EvidenceAccessed,
        EvidenceDestroyed {
  String TOPIC = "moderation.decisions";

  UUID decisionId();
}
