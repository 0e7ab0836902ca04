package org.agora.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.sessions.SessionsEnded;
import org.junit.jupiter.api.Test;

class SessionCutoffsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00.500Z");
  private static final AccountId ALICE = new AccountId(UUID.randomUUID());
  private static final AccountId BOB = new AccountId(UUID.randomUUID());
  private static final long BEFORE = NOW.getEpochSecond() - 60;
  private static final long AFTER = NOW.getEpochSecond() + 1;

  private final SessionCutoffs cutoffs =
      new SessionCutoffs(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(33));

  @Test
  void anAccountWideCutOffEndsEarlierTokensOnlyAndOnlyThatAccounts() {
    cutoffs.apply(SessionsEnded.allBefore(ALICE, NOW, SessionsEnded.REASON_SUSPENDED));

    assertThat(cutoffs.refuses(ALICE.value(), "s1", "t1", BEFORE)).isTrue();
    assertThat(cutoffs.refuses(ALICE.value(), "s1", "t1", NOW.getEpochSecond()))
        .as("issued in the second of the cut-off")
        .isTrue();
    assertThat(cutoffs.refuses(ALICE.value(), "s2", "t2", AFTER)).as("a later login").isFalse();
    assertThat(cutoffs.refuses(BOB.value(), "s1", "t1", BEFORE)).isFalse();
  }

  @Test
  void aSessionCutOffEndsThatSessionsTokensWhenEverIssued() {
    cutoffs.apply(SessionsEnded.session(ALICE, "s1", NOW, SessionsEnded.REASON_LOGOUT));

    assertThat(cutoffs.refuses(ALICE.value(), "s1", "t1", BEFORE)).isTrue();
    assertThat(cutoffs.refuses(ALICE.value(), "s1", "t9", AFTER)).isTrue();
    assertThat(cutoffs.refuses(ALICE.value(), "s2", "t2", BEFORE)).isFalse();
    assertThat(cutoffs.refuses(ALICE.value(), null, "t1", BEFORE)).isFalse();
    assertThat(cutoffs.refuses(BOB.value(), "s1", "t1", BEFORE))
        .as("a session id counts only with its account")
        .isFalse();
  }

  @Test
  void aTokenCutOffEndsThatTokenOnly() {
    cutoffs.apply(SessionsEnded.token(ALICE, "t1", NOW, SessionsEnded.REASON_REVOKED));

    assertThat(cutoffs.refuses(ALICE.value(), "s1", "t1", BEFORE)).isTrue();
    assertThat(cutoffs.refuses(ALICE.value(), "s1", "t2", BEFORE)).isFalse();
  }

  @Test
  void aRepeatedOrOlderCutOffNeverMovesTheAccountsInstantBack() {
    cutoffs.apply(SessionsEnded.allBefore(ALICE, NOW, SessionsEnded.REASON_SUSPENDED));
    cutoffs.apply(
        SessionsEnded.allBefore(ALICE, NOW.minusSeconds(3600), SessionsEnded.REASON_DISABLED));
    cutoffs.apply(SessionsEnded.allBefore(ALICE, NOW, SessionsEnded.REASON_SUSPENDED));

    assertThat(cutoffs.refuses(ALICE.value(), null, null, BEFORE)).isTrue();
    assertThat(cutoffs.size()).isEqualTo(1);
  }

  @Test
  void cutOffsOlderThanTheLongestTokenLifeAreForgotten() {
    Instant old = NOW.minus(Duration.ofDays(34));
    cutoffs.apply(SessionsEnded.allBefore(ALICE, old, SessionsEnded.REASON_SUSPENDED));
    assertThat(cutoffs.size()).as("too old to name a live token").isZero();

    MovableClock clock = new MovableClock(NOW);
    SessionCutoffs aging = new SessionCutoffs(clock, Duration.ofDays(33));
    aging.apply(SessionsEnded.session(BOB, "s1", NOW, SessionsEnded.REASON_LOGOUT));
    aging.prune();
    assertThat(aging.size()).isEqualTo(1);
    clock.now = NOW.plus(Duration.ofDays(34));
    aging.prune();
    assertThat(aging.size()).isZero();
  }
}
