package org.agora.events.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key from configuration, named by an id so it can rotate. It wraps data keys
 * (AES key wrap, RFC 3394) before they go on the key topic.
 */
public final class KeyEncryptionKey {
  private final String id;
  private final SecretKey key;

  private KeyEncryptionKey(String id, SecretKey key) {
    this.id = id;
    this.key = key;
  }

  /** Accepts base64 of exactly 32 bytes; the message names what is wrong, never the key. */
  public static KeyEncryptionKey fromBase64(String id, String base64) {
    Objects.requireNonNull(id, "id");
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(Objects.requireNonNull(base64, "key").trim());
    } catch (IllegalArgumentException e) {
      throw new CryptoException("key-encryption key " + id + " is not valid base64", null);
    }
    if (raw.length != 32) {
      throw new CryptoException(
          "key-encryption key " + id + " has " + raw.length + " bytes, needs 32", null);
    }
    return new KeyEncryptionKey(id, new SecretKeySpec(raw, "AES"));
  }

  public String id() {
    return id;
  }

  public String wrap(DataKey dataKey) {
    try {
      Cipher cipher = Cipher.getInstance("AESWrap");
      cipher.init(Cipher.WRAP_MODE, key);
      return Base64.getEncoder().encodeToString(cipher.wrap(dataKey.secretKey()));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot wrap a data key", e);
    }
  }

  public DataKey unwrap(String kekId, String wrapped) {
    if (!id.equals(kekId)) {
      throw new CryptoException("data key wrapped by unknown key-encryption key " + kekId, null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AESWrap");
      cipher.init(Cipher.UNWRAP_MODE, key);
      return new DataKey(
          (SecretKey) cipher.unwrap(Base64.getDecoder().decode(wrapped), "AES", Cipher.SECRET_KEY));
    } catch (InvalidKeyException | IllegalArgumentException e) {
      throw new CryptoException("wrapped data key does not open under " + id, e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot unwrap a data key", e);
    }
  }
}
