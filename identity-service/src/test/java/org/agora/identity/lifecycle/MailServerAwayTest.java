package org.agora.identity.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.moderation.AccountSuspensionDecided;
import org.agora.identity.projection.PendingNotice;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * A suspension while the mail server is away (the mailer points at a port nobody listens on): the
 * suspension stands, and its notice stays kept, its failed try counted and the next one backed off.
 */
@QuarkusTest
@TestProfile(MailServerAwayTest.NoMailServer.class)
class MailServerAwayTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The mailer's port is one that was free a moment ago, so a connection is refused. */
  public static class NoMailServer implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try (var socket = new ServerSocket(0)) {
        return Map.of("quarkus.mailer.port", String.valueOf(socket.getLocalPort()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void aSuspensionWhoseNoticeCannotBeSentStandsAndKeepsItsNoticeForTheNextTry() {
    TestUser user = KeycloakTestRealm.verifiedUser("unreachable");
    SuspensionTest.enrol(user.accessToken());
    AccountId account = new AccountId(UUID.fromString(user.id()));
    UUID decisionId = UUID.randomUUID();

    SuspensionTest.send(
        account,
        new AccountSuspensionDecided(
            decisionId, account, null, SuspensionTest.reasons(), Instant.now()));

    await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(user::accessToken));
    assertThat(SuspensionTest.suspensionsOf(user, 1)).isNotEmpty();
    // NOTE: the mailer tries a few times within some 15 s before the send counts as failed.
    Instant beforeSettled = Instant.now();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              PendingNotice kept = SuspensionTest.pending(decisionId);
              return kept != null && kept.attempts == 1;
            });
    PendingNotice kept = SuspensionTest.pending(decisionId);
    assertThat(kept.accountId).isEqualTo(account.value());
    assertThat(kept.nextAt).isAfter(beforeSettled.plusSeconds(59));
  }
}
