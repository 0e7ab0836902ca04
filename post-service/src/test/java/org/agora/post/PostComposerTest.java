package org.agora.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.crypto.KeyEncryptionKey;
import org.agora.post.domain.PostComposer;
import org.agora.post.domain.PostRejected;
import org.agora.post.domain.PublishPost;
import org.junit.jupiter.api.Test;

class PostComposerTest {
  private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  private static final KeyEncryptionKey KEK =
      KeyEncryptionKey.fromBase64("test-1", Base64.getEncoder().encodeToString(new byte[32]));
  private static final AccountId AUTHOR = new AccountId(UUID.randomUUID());

  private final PostComposer composer = new PostComposer(Clock.fixed(NOW, ZoneOffset.UTC), KEK);

  @Test
  void sealsTheTextUnderAFreshKeyThatOnlyTheKekOpens() {
    var post = composer.compose(command("Hallo Welt"));

    var event = post.event();
    assertThat(event.authorId()).isEqualTo(AUTHOR);
    assertThat(event.publishedAt()).isEqualTo(NOW);
    assertThat(event.postId().createdAt()).isEqualTo(NOW);
    assertThat(event.visibility()).isEqualTo("public");
    assertThat(
            new String(
                Base64.getDecoder().decode(event.content().ciphertext()), StandardCharsets.UTF_8))
        .doesNotContain("Hallo");
    assertThat(post.key().postId()).isEqualTo(event.postId());
    assertThat(post.key().kekId()).isEqualTo("test-1");
    assertThat(
            KEK.unwrap("test-1", post.key().wrappedKey())
                .open(event.content(), event.postId().toString()))
        .isEqualTo("Hallo Welt");
    assertThat(composer.compose(command("Hallo Welt")).key().wrappedKey())
        .isNotEqualTo(post.key().wrappedKey());
  }

  @Test
  void normalisesToNfcAndCountsCodePoints() {
    String decomposed = "Cafe\u0301 ";
    assertThat(composer.compose(command(decomposed)).text()).isEqualTo("Café");

    String emoji = "😀".repeat(500);
    assertThat(composer.compose(command(emoji)).text()).hasSize(1000);
    assertThatThrownBy(() -> composer.compose(command(emoji + "😀")))
        .isInstanceOf(PostRejected.class)
        .hasMessage("status: 501 characters, at most 500");
  }

  @Test
  void refusesBlankControlAndBidiOverrideText() {
    assertThatThrownBy(() -> composer.compose(command("  \n ")))
        .hasMessage("status: can't be blank");
    assertThatThrownBy(() -> composer.compose(command(null))).hasMessage("status: can't be blank");
    assertThatThrownBy(() -> composer.compose(command("bell\u0007")))
        .hasMessage("status: control character U+0007 at character 5 is not allowed");
    assertThatThrownBy(() -> composer.compose(command("abc\u202Eevil")))
        .hasMessage("status: bidirectional override U+202E at character 4 is not allowed");
    assertThatThrownBy(() -> composer.compose(command("x\u2066y"))).hasMessageContaining("U+2066");
    assertThatThrownBy(() -> composer.compose(command("lone \uD800 surrogate")))
        .hasMessageContaining("unpaired surrogate U+D800");
    assertThat(composer.compose(command("line one\nline\ttwo")).text())
        .isEqualTo("line one\nline\ttwo");
  }

  @Test
  void checksVisibilityLanguageAndReplyId() {
    assertThatThrownBy(() -> composer.compose(new PublishPost(AUTHOR, "hi", null, null, "direct")))
        .hasMessage("visibility: 'direct' is not supported, use public or unlisted");
    assertThatThrownBy(() -> composer.compose(new PublishPost(AUTHOR, "hi", null, "english", null)))
        .hasMessage("language: must be an ISO 639 code of 2 or 3 letters");
    assertThatThrownBy(() -> composer.compose(new PublishPost(AUTHOR, "hi", "12345", null, null)))
        .hasMessage("in_reply_to_id: not a status id");

    var reply =
        composer.compose(
            new PublishPost(AUTHOR, "hi", UUID.randomUUID().toString(), "DE", "unlisted"));
    assertThat(reply.event().language()).isEqualTo("de");
    assertThat(reply.event().visibility()).isEqualTo("unlisted");
    assertThat(reply.event().inReplyToId()).isNotNull();
  }

  private static PublishPost command(String text) {
    return new PublishPost(AUTHOR, text, null, null, null);
  }
}
