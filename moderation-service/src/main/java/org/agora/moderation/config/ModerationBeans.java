package org.agora.moderation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.moderation.domain.AppealRules;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.domain.ReportCategory;
import org.agora.moderation.domain.ReportIntake;
import org.agora.moderation.domain.ReportRateLimit;
import org.agora.moderation.domain.RiskQueue;
import org.agora.moderation.domain.screening.PostScorer;
import org.agora.moderation.domain.screening.ViolenceScorer;

public class ModerationBeans {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  PostScorer scorer() {
    return new ViolenceScorer();
  }

  @Produces
  @Singleton
  RiskQueue riskQueue(Clock clock, ModerationConfig config) {
    var sla = new EnumMap<ReportCategory, Duration>(ReportCategory.class);
    config
        .sla()
        .forEach((id, duration) -> ReportCategory.of(id).ifPresent(c -> sla.put(c, duration)));
    return new RiskQueue(clock, sla, config.nearBreach());
  }

  @Produces
  @Singleton
  DecisionRules decisionRules(Clock clock) {
    return new DecisionRules(clock);
  }

  @Produces
  @Singleton
  AppealRules appealRules(Clock clock, ModerationConfig config) {
    return new AppealRules(clock, Period.parse(config.appealPeriod()));
  }

  @Produces
  @Singleton
  ReportRateLimit reportRateLimit(Clock clock, ModerationConfig config) {
    return new ReportRateLimit(clock, config.reportRateLimit(), config.reportRateWindow());
  }

  @Produces
  @Singleton
  ReportIntake reportIntake() {
    return new ReportIntake();
  }

  @Produces
  @Singleton
  ModerationKek moderationKek(ModerationConfig config) {
    return new ModerationKek(
        KeyEncryptionKey.fromBase64(config.evidenceKekId(), config.evidenceKek()));
  }

  /** The moderation key-encryption key, apart from the content KEK it must never be mixed with. */
  public record ModerationKek(KeyEncryptionKey kek) {}
}
