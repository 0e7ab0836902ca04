package org.agora.events;

import java.util.Objects;

/**
 * Content sealed with a per-aggregate data key: AES-256-GCM, 96-bit nonce, the aggregate id as
 * additional data. Both fields are base64. Without the data key these bytes are unreadable.
 */
public record EncryptedContent(String alg, String nonce, String ciphertext) {
  public static final String AES_256_GCM = "A256GCM";

  public EncryptedContent {
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(ciphertext, "ciphertext");
  }
}
