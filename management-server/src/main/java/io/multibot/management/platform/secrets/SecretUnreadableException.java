package io.multibot.management.platform.secrets;

/** A stored secret that cannot be decrypted: wrong or missing key, or tampered data. */
public final class SecretUnreadableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretUnreadableException(String message) {
    super(message);
  }
}
