package org.agora.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.events.crypto.KeyEncryptionKey;
import org.junit.jupiter.api.Test;

class ContentCryptoTest {
  private static final String KEK_A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEK_B;

  static {
    byte[] other = new byte[32];
    other[0] = 1;
    KEK_B = Base64.getEncoder().encodeToString(other);
  }

  @Test
  void sealedTextOpensOnlyWithItsKeyAndItsPost() {
    DataKey key = DataKey.generate();

    EncryptedContent sealed = key.seal("Grüße aus Köln 👋", "post-1");

    assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.UTF_8))
        .doesNotContain("Köln");
    assertThat(key.open(sealed, "post-1")).isEqualTo("Grüße aus Köln 👋");
    assertThatThrownBy(() -> key.open(sealed, "post-2")).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> DataKey.generate().open(sealed, "post-1"))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void sealedBytesOpenOnlyWithTheirKeyAndId() {
    DataKey key = DataKey.generate();
    byte[] image = "JFIF pixels".getBytes(StandardCharsets.UTF_8);

    byte[] sealed = key.sealBytes(image, "media-1");

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("pixels");
    assertThat(key.openBytes(sealed, "media-1")).isEqualTo(image);
    assertThatThrownBy(() -> key.openBytes(sealed, "media-2")).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> key.openBytes(new byte[5], "media-1"))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void wrappedKeysUnwrapOnlyUnderTheirKeyEncryptionKey() {
    KeyEncryptionKey kek = KeyEncryptionKey.fromBase64("kek-a", KEK_A);
    DataKey key = DataKey.generate();
    EncryptedContent sealed = key.seal("hello", "p");

    String wrapped = kek.wrap(key);

    assertThat(kek.unwrap("kek-a", wrapped).open(sealed, "p")).isEqualTo("hello");
    assertThatThrownBy(() -> kek.unwrap("kek-b", wrapped))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("kek-b");
    assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("kek-a", KEK_B).unwrap("kek-a", wrapped))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void aKeyEncryptionKeyOfTheWrongShapeIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("k", "c2hvcnQ="))
        .isInstanceOf(CryptoException.class)
        .hasMessage("key-encryption key k has 5 bytes, needs 32");
    assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("k", "not base64!"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("key-encryption key k is not valid base64");
  }
}
