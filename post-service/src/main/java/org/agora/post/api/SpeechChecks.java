package org.agora.post.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.post.projection.PostStore;

/**
 * The one check every content-producing path shares: a suspended account may not speak, nor one
 * that waits for a moderator's approval after a throttled sign-up.
 */
@ApplicationScoped
public class SpeechChecks {
  static final String SUSPENDED = "Your account is suspended";
  static final String PENDING = "Your account is waiting for a moderator's approval";

  private final PostStore store;
  private final Clock clock;

  public SpeechChecks(PostStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Uni<Void> refuseIfMayNotSpeak(AccountId account) {
    return store
        .suspension(account.value())
        .invoke(
            standing -> {
              if (standing.isPresent()
                  && (standing.get().until == null
                      || standing.get().until.isAfter(clock.instant()))) {
                throw ApiException.forbidden(SUSPENDED);
              }
            })
        .chain(() -> store.pendingApproval(account.value()))
        .invoke(
            pending -> {
              if (pending) {
                throw ApiException.forbidden(PENDING);
              }
            })
        .replaceWithVoid();
  }
}
