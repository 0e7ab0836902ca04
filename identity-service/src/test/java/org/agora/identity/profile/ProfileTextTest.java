package org.agora.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.identity.domain.profile.ProfileEditor;
import org.agora.identity.domain.profile.ProfileRejected;
import org.agora.identity.domain.profile.ProfileText;
import org.junit.jupiter.api.Test;

class ProfileTextTest {
  @Test
  void lengthsAreCountedInCodePointsAfterNfc() {
    // "e" + combining acute is one character after NFC.
    String decomposed = "e\u0301".repeat(30);
    assertThat(ProfileText.displayName(decomposed)).isEqualTo("é".repeat(30));
    assertThat(ProfileText.displayName("🦊".repeat(30))).hasSize(60);
    assertThatThrownBy(() -> ProfileText.displayName("🦊".repeat(31)))
        .isInstanceOf(ProfileRejected.class)
        .hasMessage("display_name: 31 characters, at most 30");
    assertThatThrownBy(() -> ProfileText.note("n".repeat(501)))
        .hasMessage("note: 501 characters, at most 500");
  }

  @Test
  void controlCharactersOverridesAndLoneSurrogatesAreRefused() {
    assertThatThrownBy(() -> ProfileText.displayName("a\nb"))
        .hasMessage("display_name: control character U+000A at character 2 is not allowed");
    assertThat(ProfileText.note("line\r\nnext")).isEqualTo("line\nnext");
    assertThatThrownBy(() -> ProfileText.note("a\u0000")).hasMessageContaining("U+0000");
    assertThatThrownBy(() -> ProfileText.note("x\u202Ey")).hasMessageContaining("bidirectional");
    assertThatThrownBy(() -> ProfileText.displayName("x\uD800y"))
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void emptyClearsAndSurroundingSpaceIsDropped() {
    assertThat(ProfileText.displayName("  ")).isEmpty();
    assertThat(ProfileText.note("  hi  ")).isEqualTo("hi");
  }

  @Test
  void anEditSealsBothFieldsUnderTheAccountKeyAndKeepsWhatItDoesNotName() {
    var kek = KeyEncryptionKey.fromBase64("test", "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYnk=");
    var editor = new ProfileEditor(java.time.Clock.systemUTC(), kek);
    AccountId account = new AccountId(UUID.randomUUID());
    var key = editor.issueKey(account);
    assertThat(key.record().kekId()).isEqualTo("test");
    var edited =
        editor.edit(
            new ProfileEditor.UpdateProfile(account, null, "new bio"),
            new ProfileEditor.Profile("Name", "old bio"),
            key.key());
    assertThat(edited.profile()).isEqualTo(new ProfileEditor.Profile("Name", "new bio"));
    assertThat(key.key().open(edited.event().displayName(), account.toString())).isEqualTo("Name");
    assertThat(key.key().open(edited.event().note(), account.toString())).isEqualTo("new bio");
    var cleared =
        editor.edit(
            new ProfileEditor.UpdateProfile(account, "", null), edited.profile(), key.key());
    assertThat(cleared.event().displayName()).isNull();
  }
}
