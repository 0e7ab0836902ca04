package org.agora.events.reports;

import org.agora.events.AgoraEvent;

/**
 * The stream {@code moderation.reports}: what users put before the moderators (reports, appeals),
 * keyed by report or appeal id. Free text travels sealed under a key on {@code
 * moderation.report-keys}, so it can be shredded like post content.
 */
public sealed interface ReportEvent extends AgoraEvent permits ReportFiled, AppealFiled {
  String TOPIC = "moderation.reports";
}
