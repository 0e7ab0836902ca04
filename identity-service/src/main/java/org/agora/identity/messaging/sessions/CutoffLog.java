package org.agora.identity.messaging.sessions;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.agora.events.sessions.SessionsEnded;
import org.agora.kit.messaging.CloudEventMessages;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Appends cut-offs to {@code identity.sessions}, which every service reads to refuse tokens that
 * are still unexpired; identity-service is its only writer. A repeated cut-off changes nothing, so
 * callers append at least once and never need to de-duplicate.
 */
@ApplicationScoped
public class CutoffLog {
  public static final String SOURCE = "/agora/identity-service";
  public static final String CHANNEL = "sessions-out";
  private static final Duration ACK_WAIT = Duration.ofSeconds(15);

  private final MutinyEmitter<byte[]> sessions;

  public CutoffLog(@Channel(CHANNEL) MutinyEmitter<byte[]> sessions) {
    this.sessions = sessions;
  }

  /** The item is the event's id, once the broker has acknowledged it. */
  public Uni<UUID> append(SessionsEnded ended, String actor) {
    return CloudEventMessages.append(
        sessions, SOURCE, ended, ended.accountId().toString(), ended.endedAt(), actor);
  }

  /** Blocks until acknowledged; call from a worker thread. */
  public void appendAndWait(SessionsEnded ended, String actor) {
    append(ended, actor).await().atMost(ACK_WAIT);
  }
}
