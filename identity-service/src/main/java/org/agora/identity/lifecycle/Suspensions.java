package org.agora.identity.lifecycle;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.EventEnvelope;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.crypto.AppealCapability;
import org.agora.events.moderation.AccountReinstatementDecided;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.events.sessions.SessionsEnded;
import org.agora.identity.messaging.graph.IdentityLog;
import org.agora.identity.messaging.sessions.CutoffLog;
import org.agora.identity.projection.IdentityStore;
import org.agora.kit.messaging.InTurn;
import org.agora.kit.messaging.IncomingEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Applies moderation's account decisions: a suspension disables the Keycloak user (its sessions
 * end), cuts off its tokens ({@code SessionsEnded} on {@code identity.sessions}) and is recorded as
 * {@code AccountSuspended}; a reinstatement, or the end of a temporary suspension, enables it again
 * and records {@code AccountReinstated}. Each is checked and applied under a lock on the account,
 * and a decision already recorded is skipped, so redelivery (even to another instance) changes
 * nothing. A suspension records the hash of a fresh appeal capability and keeps its notice in the
 * same transaction; once committed, the capability is mailed to the account, and sent again until
 * it is delivered ({@link NoticeOutbox}).
 */
@ApplicationScoped
public class Suspensions {
  private static final Logger LOG = Logger.getLogger(Suspensions.class);
  private static final String ACTOR = EventEnvelope.systemActor("identity-service");

  private final IdentityStore store;
  private final IdentityLog log;
  private final KeycloakUsers keycloak;
  private final AccountEnrolment enrolment;
  private final NoticeOutbox notices;
  private final CutoffLog cutoffLog;

  public Suspensions(
      IdentityStore store,
      IdentityLog log,
      KeycloakUsers keycloak,
      AccountEnrolment enrolment,
      NoticeOutbox notices,
      CutoffLog cutoffLog) {
    this.store = store;
    this.log = log;
    this.cutoffLog = cutoffLog;
    this.keycloak = keycloak;
    this.enrolment = enrolment;
    this.notices = notices;
  }

  /**
   * Account decisions, in log order. A decision that fails (Keycloak, Kafka or the database away)
   * is tried again until it applies and the decisions after it wait, so none is skipped and a
   * reinstatement cannot overtake its suspension; each try checks the projection first, so nothing
   * is applied twice. NOTE: the topic carries every post's screening verdict too (hundreds a
   * second); they come in batches and only the account decisions are decoded.
   */
  @Incoming("decisions-in")
  public Uni<Void> decisions(KafkaRecordBatch<String, byte[]> batch) {
    return IncomingEvents.handleInOrder(
        batch,
        ACCOUNT_DECISIONS::contains,
        (envelope, event) ->
            switch (event) {
              case AccountSuspensionDecided decided -> suspend(decided);
              case AccountReinstatementDecided decided ->
                  reinstate(decided.accountId(), decided.decisionId(), false);
              default -> Uni.createFrom().voidItem();
            });
  }

  private static final java.util.Set<String> ACCOUNT_DECISIONS =
      java.util.Set.of(AccountSuspensionDecided.TYPE, AccountReinstatementDecided.TYPE);

  public Uni<Void> suspend(AccountSuspensionDecided decided) {
    AccountId account = decided.accountId();
    // Enrolled first (in its own transactions), then checked and applied under the lock.
    return enrolment
        .ensureKnown(account)
        .chain(
            known -> {
              if (known.isEmpty()) {
                LOG.warnf(
                    "suspension %s names account %s, erased or unknown to Keycloak",
                    decided.decisionId(), account);
                return Uni.createFrom().voidItem();
              }
              return store
                  .underAccountLock(
                      account.value(),
                      session ->
                          store
                              .decisionApplied(session, decided.decisionId())
                              .chain(applied -> applied ? skipped() : apply(session, decided)))
                  // NOTE: mailed only after the commit, so only the application that recorded
                  // the hash mails its capability; a mail that fails stays in the outbox, kept in
                  // the same commit, and is sent again from there (redelivery skips the applied
                  // decision).
                  .invoke(
                      capability ->
                          capability.ifPresent(
                              c ->
                                  LOG.infof(
                                      "suspension %s applied to account %s",
                                      decided.decisionId(), account)))
                  .chain(
                      capability ->
                          capability.isEmpty()
                              ? Uni.createFrom().voidItem()
                              : notices.send(
                                  account,
                                  decided.decisionId(),
                                  decided.until(),
                                  capability.get()));
            });
  }

  private static Uni<Optional<String>> skipped() {
    return Uni.createFrom().item(Optional.empty());
  }

  /**
   * Disables the user, cuts off its tokens, appends the suspension with the capability's hash;
   * answers the capability. A failure before the commit leaves the decision unapplied, so its
   * redelivery repeats the cut-off, which is harmless.
   */
  private Uni<Optional<String>> apply(Mutiny.Session session, AccountSuspensionDecided decided) {
    AccountId account = decided.accountId();
    String capability = AppealCapability.issue();
    return Offload.run(() -> keycloak.disable(account.toString()))
        .chain(
            () -> {
              // NOTE: dated after the user is disabled, so no token issued before it escapes.
              var suspended =
                  new AccountSuspended(
                      account,
                      decided.decisionId(),
                      decided.until(),
                      Instant.now(),
                      AppealCapability.hash(capability));
              return cutoffLog
                  .append(
                      SessionsEnded.allBefore(
                          account, suspended.suspendedAt(), SessionsEnded.REASON_SUSPENDED),
                      ACTOR)
                  .chain(() -> log.append(suspended, suspended.suspendedAt(), ACTOR))
                  .chain(() -> store.apply(session, suspended))
                  .chain(
                      () ->
                          notices.keep(
                              session, account, decided.decisionId(), decided.until(), capability));
            })
        .replaceWith(Optional.of(capability));
  }

  /** Ends temporary suspensions whose time is up; instances doing it at once take turns. */
  @Scheduled(
      every = "${agora.suspensions.check-every:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> endExpired() {
    return store
        .suspensionsEndedBy(Instant.now())
        .chain(due -> InTurn.each(due, account -> reinstate(new AccountId(account.id), null, true)))
        // NOTE: the next run retries; a failure here (Keycloak or the database away, or the
        // pool closing at shutdown) must not read like a lost suspension.
        .onFailure()
        .invoke(e -> LOG.warnf("ending expired suspensions failed, retrying: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  /**
   * Under the account's lock: reinstates it if it is (still) suspended and the decision was not
   * applied yet; {@code onlyIfExpired} for the scheduled end of a temporary suspension.
   */
  private Uni<Void> reinstate(AccountId account, UUID decisionId, boolean onlyIfExpired) {
    return store.underAccountLock(
        account.value(),
        session ->
            (decisionId == null
                    ? Uni.createFrom().item(false)
                    : store.decisionApplied(session, decisionId))
                .chain(
                    applied ->
                        applied
                            ? Uni.createFrom().item(Optional.<IdentityStore.Standing>empty())
                            : store.standing(session, account.value()))
                .chain(
                    standing -> {
                      Instant now = Instant.now();
                      boolean due =
                          standing.isPresent()
                              && IdentityStore.SUSPENDED.equals(standing.get().state())
                              && (!onlyIfExpired
                                  || (standing.get().suspendedUntil() != null
                                      && !standing.get().suspendedUntil().isAfter(now)));
                      if (!due) {
                        return Uni.createFrom().voidItem();
                      }
                      var reinstated = new AccountReinstated(account, decisionId, now);
                      return Offload.run(() -> keycloak.enable(account.toString()))
                          .chain(() -> log.append(reinstated, now, ACTOR))
                          .chain(() -> store.apply(session, reinstated));
                    }));
  }
}
