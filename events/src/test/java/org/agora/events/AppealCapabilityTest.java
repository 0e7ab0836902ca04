package org.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.agora.events.crypto.AppealCapability;
import org.junit.jupiter.api.Test;

class AppealCapabilityTest {

  @Test
  void aCapabilityIs256RandomBitsInBase64UrlWithoutPadding() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String capability = AppealCapability.issue();
      assertThat(capability).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(Base64.getUrlDecoder().decode(capability)).hasSize(32);
      seen.add(capability);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void theHashIsSha256InLowerCaseHexAndMatchesOnlyItsCapability() {
    String capability = AppealCapability.issue();
    String hash = AppealCapability.hash(capability);

    assertThat(hash).matches("sha256:[0-9a-f]{64}");
    assertThat(AppealCapability.matches(capability, hash)).isTrue();
    assertThat(AppealCapability.matches(" " + capability + "\n", hash)).isTrue();
    assertThat(AppealCapability.matches(AppealCapability.issue(), hash)).isFalse();
    assertThat(AppealCapability.matches(capability.substring(1), hash)).isFalse();
  }

  @Test
  void aKnownVectorPinsTheFormat() {
    // SHA-256("abc"), so the other services and the docs can rely on the format.
    assertThat(AppealCapability.hash("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void missingBlankOrMalformedInputsNeverMatch() {
    String hash = AppealCapability.hash("abc");

    assertThat(AppealCapability.matches(null, hash)).isFalse();
    assertThat(AppealCapability.matches("  ", hash)).isFalse();
    assertThat(AppealCapability.matches("abc", null)).isFalse();
    assertThat(AppealCapability.matches("abc", hash.substring(7))).isFalse();
    assertThat(AppealCapability.matches("abc", "sha256:zz")).isFalse();
    assertThat(AppealCapability.matches("abc", "sha256:ba78")).isFalse();
  }
}
