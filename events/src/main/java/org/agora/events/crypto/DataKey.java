package org.agora.events.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.agora.events.EncryptedContent;

/**
 * One aggregate's AES-256 data key. It seals content bound to the aggregate id (as GCM additional
 * data), so ciphertext cannot be moved to another post. Held only in memory; on the log it exists
 * only wrapped.
 */
public final class DataKey {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;

  DataKey(SecretKey key) {
    this.key = key;
  }

  public static DataKey generate() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      return new DataKey(generator.generateKey());
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot generate a data key", e);
    }
  }

  SecretKey secretKey() {
    return key;
  }

  public EncryptedContent seal(String plaintext, String aggregateId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aggregateId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return new EncryptedContent(
          EncryptedContent.AES_256_GCM, b64.encodeToString(nonce), b64.encodeToString(sealed));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot seal content", e);
    }
  }

  /** Seals bytes (media) as nonce followed by ciphertext and tag, bound to the aggregate id. */
  public byte[] sealBytes(byte[] plain, String aggregateId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aggregateId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
      System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
      cipher.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot seal bytes", e);
    }
  }

  public byte[] openBytes(byte[] sealed, String aggregateId) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new CryptoException("sealed bytes of " + aggregateId + " are truncated", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(aggregateId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot open bytes of " + aggregateId, e);
    }
  }

  public String open(EncryptedContent content, String aggregateId) {
    if (!EncryptedContent.AES_256_GCM.equals(content.alg())) {
      throw new CryptoException("unsupported content algorithm " + content.alg(), null);
    }
    Base64.Decoder b64 = Base64.getDecoder();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(content.nonce())));
      cipher.updateAAD(aggregateId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(b64.decode(content.ciphertext())), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CryptoException("cannot open content of " + aggregateId, e);
    }
  }
}
