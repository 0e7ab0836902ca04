package org.agora.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

  private static SecurityIdentity identity(String name) {
    return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build();
  }

  @Test
  void aVerifiedTokenIsFoundByItsExactTextOnly() {
    var tokens = new VerifiedTokens(16, Duration.ofMinutes(5), new MovableClock(T0));
    tokens.remember("header.payload.signature", identity("ann"), T0.plusSeconds(300));

    assertThat(tokens.find("header.payload.signature"))
        .hasValueSatisfying(i -> assertThat(i.getPrincipal().getName()).isEqualTo("ann"));
    assertThat(tokens.find("header.payload.signaturf")).isEmpty();
    assertThat(tokens.find("header.payload.")).isEmpty();
  }

  @Test
  void anEntryEndsWhenTheTokenExpires() {
    var clock = new MovableClock(T0);
    var tokens = new VerifiedTokens(16, Duration.ofMinutes(5), clock);
    tokens.remember("t", identity("ann"), T0.plusSeconds(60));

    clock.now = T0.plusSeconds(59);
    assertThat(tokens.find("t")).isPresent();
    clock.now = T0.plusSeconds(60);
    assertThat(tokens.find("t")).isEmpty();
  }

  @Test
  void anEntryLivesAtMostMaxAgeEvenIfTheTokenLivesLonger() {
    var clock = new MovableClock(T0);
    var tokens = new VerifiedTokens(16, Duration.ofMinutes(5), clock);
    tokens.remember("t", identity("ann"), T0.plus(Duration.ofHours(10)));

    clock.now = T0.plus(Duration.ofMinutes(5)).minusMillis(1);
    assertThat(tokens.find("t")).isPresent();
    clock.now = T0.plus(Duration.ofMinutes(5));
    assertThat(tokens.find("t")).isEmpty();
  }

  @Test
  void anAlreadyExpiredTokenIsNotKept() {
    var tokens = new VerifiedTokens(16, Duration.ofMinutes(5), new MovableClock(T0));
    tokens.remember("t", identity("ann"), T0.minusSeconds(1));
    assertThat(tokens.find("t")).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void theCacheIsBoundedAndSizeZeroTurnsItOff() {
    var bounded = new VerifiedTokens(8, Duration.ofMinutes(5), new MovableClock(T0));
    for (int i = 0; i < 100; i++) {
      bounded.remember("t" + i, identity("u" + i), T0.plusSeconds(300));
    }
    assertThat(bounded.size()).isLessThanOrEqualTo(8);

    var off = new VerifiedTokens(0, Duration.ofMinutes(5), new MovableClock(T0));
    off.remember("t", identity("ann"), T0.plusSeconds(300));
    assertThat(off.find("t")).isEmpty();
  }

  @Test
  void aRememberedIdentityHoldsNoRequest() {
    var identity =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("ann"))
            .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), new Object())
            .addAttribute("tenant-id", "Default")
            .build();
    var stripped = VerifiedTokenCache.withoutRequest(identity);
    assertThat((Object) stripped.getAttribute(io.vertx.ext.web.RoutingContext.class.getName()))
        .isNull();
    assertThat((Object) stripped.getAttribute("tenant-id")).isEqualTo("Default");
  }
}
