package org.agora.identity.lifecycle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.identity.domain.notices.NoticeRetry;
import org.agora.identity.lifecycle.AppealNotices.Outcome;
import org.agora.identity.projection.IdentityStore;
import org.agora.identity.projection.PendingNotice;
import org.agora.kit.messaging.InTurn;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Suspension notices until they are delivered. The notice is kept in the transaction that records
 * the suspension, so a mail lost to a mail server that was away, or to a stop right after the
 * commit, is sent again: every {@code agora.notices.retry-every} the notices that are due are
 * tried, for as long as the account stays suspended under that decision (a reinstatement or an
 * erasure deletes them). Each instance keeps and mails its own notices, as each records its own
 * capability.
 */
@ApplicationScoped
public class NoticeOutbox {
  private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);
  private static final int BATCH = 20;

  private final AppealNotices notices;
  private final IdentityStore store;
  private final KeyEncryptionKey kek;
  private final Clock clock;

  public NoticeOutbox(AppealNotices notices, IdentityStore store, KeyEncryptionKey kek) {
    this.notices = notices;
    this.store = store;
    this.kek = kek;
    this.clock = Clock.systemUTC();
  }

  /** Keeps the notice of a suspension, in the caller's transaction, with its capability sealed. */
  public Uni<Void> keep(
      Mutiny.Session session,
      AccountId account,
      UUID decisionId,
      Instant until,
      String capability) {
    DataKey key = DataKey.generate();
    var notice = new PendingNotice();
    notice.decisionId = decisionId;
    notice.accountId = account.value();
    notice.until = until;
    notice.kekId = kek.id();
    notice.wrappedKey = kek.wrap(key);
    notice.sealedCapability =
        Base64.getEncoder()
            .encodeToString(
                key.sealBytes(capability.getBytes(StandardCharsets.UTF_8), decisionId.toString()));
    notice.attempts = 0;
    notice.nextAt = clock.instant().plus(NoticeRetry.FIRST);
    return session.persist(notice);
  }

  /**
   * Mails a notice kept by {@link #keep} and settles it: delivered (or never deliverable) or due
   * again.
   */
  public Uni<Void> send(AccountId account, UUID decisionId, Instant until, String capability) {
    return notices
        .send(account.toString(), decisionId, until, capability)
        .chain(outcome -> settle(decisionId, outcome));
  }

  /**
   * Sends the notices that are due, one after the other. A notice whose account is no longer
   * suspended under its decision is dropped unsent.
   */
  @Scheduled(
      every = "${agora.notices.retry-every:60s}",
      delayed = "${agora.notices.retry-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public Uni<Void> sendDue() {
    return due()
        .chain(list -> InTurn.each(list, this::resend))
        // NOTE: the next run tries again; the database away must not read like a lost notice.
        .onFailure()
        .invoke(
            e -> LOG.warnf("sending due suspension notices failed, retrying: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<List<PendingNotice>> due() {
    return Panache.withSession(
        () ->
            PendingNotice.<PendingNotice>find("nextAt <= ?1 order by nextAt", clock.instant())
                .page(0, BATCH)
                .list());
  }

  private Uni<Void> resend(PendingNotice notice) {
    return store
        .account(notice.accountId)
        .chain(
            account -> {
              boolean suspended =
                  account
                      .filter(a -> IdentityStore.SUSPENDED.equals(a.state))
                      .filter(a -> notice.decisionId.equals(a.suspensionDecision))
                      .isPresent();
              if (!suspended) {
                return delete(notice.decisionId);
              }
              LOG.infof(
                  "suspension %s: sending the appeal notice again (attempt %d)",
                  notice.decisionId, notice.attempts + 2);
              return send(
                  new AccountId(notice.accountId),
                  notice.decisionId,
                  notice.until,
                  capability(notice));
            });
  }

  private String capability(PendingNotice notice) {
    DataKey key = kek.unwrap(notice.kekId, notice.wrappedKey);
    byte[] sealed = Base64.getDecoder().decode(notice.sealedCapability);
    return new String(key.openBytes(sealed, notice.decisionId.toString()), StandardCharsets.UTF_8);
  }

  /** Deletes a notice delivered or never deliverable; makes a failed one due again later. */
  Uni<Void> settle(UUID decisionId, Outcome outcome) {
    if (outcome != Outcome.FAILED) {
      return delete(decisionId);
    }
    return Panache.withTransaction(
            () ->
                PendingNotice.<PendingNotice>findById(decisionId)
                    .invoke(
                        notice -> {
                          if (notice != null) {
                            notice.attempts++;
                            notice.nextAt = NoticeRetry.next(clock.instant(), notice.attempts);
                          }
                        }))
        .replaceWithVoid();
  }

  private static Uni<Void> delete(UUID decisionId) {
    return Panache.withTransaction(() -> PendingNotice.deleteById(decisionId)).replaceWithVoid();
  }
}
