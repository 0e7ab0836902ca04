package org.agora.events.crypto;

public final class CryptoException extends RuntimeException {
  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
