package org.agora.post.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.post.projection.SpeakerGate;

/**
 * The one check every content-producing path shares: a suspended account may not speak, nor one
 * that waits for a moderator's approval after a throttled sign-up.
 */
@ApplicationScoped
public class SpeechChecks {
  static final String SUSPENDED = "Your account is suspended";
  static final String PENDING = "Your account is waiting for a moderator's approval";

  private final SpeakerGate gate;
  private final Clock clock;

  public SpeechChecks(SpeakerGate gate, Clock clock) {
    this.gate = gate;
    this.clock = clock;
  }

  public Uni<Void> refuseIfMayNotSpeak(AccountId account) {
    return gate.standing(account.value())
        .invoke(standing -> refuseIfMayNotSpeak(standing, clock.instant()))
        .replaceWithVoid();
  }

  /** The same check on a standing already read, judged at {@code now}. */
  public void refuseIfMayNotSpeak(SpeakerGate.Standing standing, Instant now) {
    if (standing.suspendedAt(now)) {
      throw ApiException.forbidden(SUSPENDED);
    }
    if (standing.pendingApproval()) {
      throw ApiException.forbidden(PENDING);
    }
  }
}
