package org.agora.moderation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The moderation rules that differ per deployment (see README for the defaults). */
@ConfigMapping(prefix = "agora.moderation")
public interface ModerationConfig {
  @WithDefault("20")
  int reportRateLimit();

  @WithDefault("PT1H")
  Duration reportRateWindow();

  /** Time allowed until a decision, per category id. */
  Map<String, Duration> sla();

  /** The fraction of an item's SLA left at which it jumps the queue. */
  @WithDefault("0.2")
  double nearBreach();

  /** ISO-8601 period, e.g. P6M. */
  @WithDefault("P6M")
  String appealPeriod();

  @WithDefault("P180D")
  Duration evidenceRetention();

  /** Base64 of the 32-byte moderation key-encryption key (evidence and report text keys). */
  String evidenceKek();

  String evidenceKekId();

  /** How often expired escrows are looked for (read by the scheduler). */
  @WithDefault("30s")
  String evidenceSweep();
}
