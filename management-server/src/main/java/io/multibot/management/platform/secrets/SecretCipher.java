package io.multibot.management.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets with AES-256-GCM. A stored value reads {@code v1:<key id>:<base64(iv ||
 * ciphertext+tag)>}; the key id picks the key to decrypt with, so values written under a previous
 * key stay readable after rotation. The key id is bound as associated data, so a value cannot be
 * passed off as encrypted under another key.
 */
public final class SecretCipher {

  private static final String FORMAT = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(String currentKeyId, Map<String, SecretKey> keys) {
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("no key for the current key id " + currentKeyId);
    }
    this.currentKeyId = currentKeyId;
    this.keys = Map.copyOf(keys);
  }

  public String encrypt(String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed =
        run(Cipher.ENCRYPT_MODE, currentKeyId, iv, plaintext.getBytes(StandardCharsets.UTF_8));
    byte[] stored = new byte[IV_BYTES + sealed.length];
    System.arraycopy(iv, 0, stored, 0, IV_BYTES);
    System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
    return FORMAT + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
  }

  public String decrypt(String stored) {
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !FORMAT.equals(parts[0])) {
      throw new SecretUnreadableException("not a value this server encrypted");
    }
    if (!keys.containsKey(parts[1])) {
      throw new SecretUnreadableException(
          "encrypted under key '" + parts[1] + "', which is not configured");
    }
    byte[] bytes = Base64.getDecoder().decode(parts[2]);
    byte[] iv = java.util.Arrays.copyOfRange(bytes, 0, IV_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
    return new String(run(Cipher.DECRYPT_MODE, parts[1], iv, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, String keyId, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new SecretUnreadableException("the value does not decrypt under key '" + keyId + "'");
    }
  }
}
