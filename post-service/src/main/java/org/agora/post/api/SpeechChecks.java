package org.agora.post.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.post.projection.PostStore;

/** The one check every content-producing path shares: a suspended account may not speak. */
@ApplicationScoped
public class SpeechChecks {
  static final String SUSPENDED = "Your account is suspended";

  private final PostStore store;
  private final Clock clock;

  public SpeechChecks(PostStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Uni<Void> refuseIfSuspended(AccountId account) {
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
        .replaceWithVoid();
  }
}
