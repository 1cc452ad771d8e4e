package io.multibot.management.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes passwords with Jakarta Security's PBKDF2 (HMAC-SHA512, 210,000 iterations, 32-byte salt:
 * OWASP's figures for PBKDF2), and checks them in constant time.
 */
@ApplicationScoped
public class PasswordHasher {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 256;

  private final Pbkdf2PasswordHash pbkdf2;
  private String dummyHash;

  @Inject
  public PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
    this.pbkdf2 = pbkdf2;
  }

  /** For CDI's proxy only. */
  protected PasswordHasher() {
    this(null);
  }

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    dummyHash = pbkdf2.generate("no user has this password".toCharArray());
  }

  /** Spends the time a check takes, so an unknown username answers as slowly as a known one. */
  public void checkAgainstNobody(String password) {
    pbkdf2.verify(password.toCharArray(), dummyHash);
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /** Why a new password is not acceptable, or {@code null} when it is. */
  static String weakness(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    if (password.equals(username)) {
      return "must not be the username";
    }
    return null;
  }
}
