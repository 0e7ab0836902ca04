package org.agora.events.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a suspended account appeals with when it can no longer log in: 256 random bits,
 * base64url without padding, mailed to the account; only its hash ({@code sha256:<hex>}) reaches
 * the log ({@code AccountSuspended.appealCapabilityHash}).
 */
public final class AppealCapability {
  public static final String HASH_PREFIX = "sha256:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private AppealCapability() {}

  /** A fresh capability. */
  public static String issue() {
    byte[] secret = new byte[BYTES];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** {@code sha256:<lower-case hex>} of the capability's UTF-8 bytes. */
  public static String hash(String capability) {
    return HASH_PREFIX + HexFormat.of().formatHex(digest(capability));
  }

  /**
   * Whether {@code capability} hashes to {@code recordedHash}, compared in constant time; false for
   * a missing or blank capability and for a hash in another format.
   */
  public static boolean matches(String capability, String recordedHash) {
    if (capability == null
        || capability.isBlank()
        || recordedHash == null
        || !recordedHash.startsWith(HASH_PREFIX)) {
      return false;
    }
    byte[] recorded;
    try {
      recorded = HexFormat.of().parseHex(recordedHash.substring(HASH_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest(capability.strip()), recorded);
  }

  private static byte[] digest(String capability) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(capability.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new CryptoException("SHA-256 unavailable", e);
    }
  }
}
