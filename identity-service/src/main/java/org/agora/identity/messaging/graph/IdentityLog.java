package org.agora.identity.messaging.graph;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.relationships.RelationshipEvent;
import org.agora.kit.keys.KeyShredder;
import org.agora.kit.messaging.CloudEventMessages;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Appends profile, standing and graph facts to the log, the source of truth (log-first; the
 * projection follows). An account's key is acknowledged before any event sealed under it; on
 * erasure it is tombstoned, which shreds the profile everywhere in the log.
 */
@ApplicationScoped
public class IdentityLog {
  public static final String SOURCE = "/agora/identity-service";
  public static final String ACCOUNTS_CHANNEL = "profile-accounts-out";
  public static final String KEYS_CHANNEL = "account-keys-out";
  public static final String FOLLOWS_CHANNEL = "follows-out";

  private final MutinyEmitter<byte[]> accounts;
  private final MutinyEmitter<byte[]> keys;
  private final MutinyEmitter<byte[]> follows;
  private final KeyShredder shredder;

  public IdentityLog(
      @Channel(ACCOUNTS_CHANNEL) MutinyEmitter<byte[]> accounts,
      @Channel(KEYS_CHANNEL) MutinyEmitter<byte[]> keys,
      @Channel(FOLLOWS_CHANNEL) MutinyEmitter<byte[]> follows,
      KeyShredder shredder) {
    this.accounts = accounts;
    this.keys = keys;
    this.follows = follows;
    this.shredder = shredder;
  }

  /** At boot: the follow-up tombstones of shreds a stop cut short ({@link KeyShredder#resume}). */
  void resumeShredding(@Observes StartupEvent startup) {
    resumeFollowUps().subscribe().with(scheduled -> {}, failure -> {});
  }

  /** The item is the number of follow-ups scheduled. */
  public Uni<Integer> resumeFollowUps() {
    return shredder.resume(keys, AccountKeyIssued.TOPIC);
  }

  /** The item is the event's id. */
  public Uni<UUID> append(AccountEvent event, Instant at, String actor) {
    return CloudEventMessages.append(
        accounts, SOURCE, event, event.accountId().toString(), at, actor);
  }

  public Uni<UUID> append(RelationshipEvent event, Instant at, String actor) {
    return CloudEventMessages.append(follows, SOURCE, event, event.actorId().toString(), at, actor);
  }

  public Uni<UUID> appendKey(AccountKeyIssued key, Instant at, String actor) {
    return CloudEventMessages.append(keys, SOURCE, key, key.accountId().toString(), at, actor);
  }

  public Uni<Void> tombstoneKey(AccountId account) {
    return shredder.shred(keys, account.toString());
  }
}
