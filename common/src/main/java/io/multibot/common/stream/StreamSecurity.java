package io.multibot.common.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Trust for stream entries, from one secret both services share ({@code MULTIBOT_STREAM_KEY}, at
 * least 32 random bytes in base64). Two keys are derived from it: one signs every entry
 * (HMAC-SHA256 over all fields in name order, field {@value #SIGNATURE}), so that write access to
 * Redis alone cannot command bots; the other encrypts secret fields (AES-256-GCM), so that bot
 * passwords never sit on Redis in plain text.
 */
public final class StreamSecurity {

  public static final String SIGNATURE = "sig";
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] signingKey;
  private final byte[] encryptionKey;

  private StreamSecurity(byte[] secret) {
    this.signingKey = derive(secret, "multibot stream signing");
    this.encryptionKey = derive(secret, "multibot stream encryption");
  }

  /**
   * @throws IllegalArgumentException when the key is missing, not base64 or shorter than 32 bytes
   */
  public static StreamSecurity fromBase64(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(
          "MULTIBOT_STREAM_KEY is not set: both servers need the same key (openssl rand -base64 32)");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("MULTIBOT_STREAM_KEY is not base64", e);
    }
    if (secret.length < 32) {
      throw new IllegalArgumentException("MULTIBOT_STREAM_KEY must hold at least 32 bytes");
    }
    return new StreamSecurity(secret);
  }

  /** The fields with their signature added. */
  public Map<String, String> sign(Map<String, String> fields) {
    Map<String, String> signed = new TreeMap<>(fields);
    signed.remove(SIGNATURE);
    signed.put(SIGNATURE, mac(signed));
    return signed;
  }

  /** Whether the entry carries a valid signature over all its other fields. */
  public boolean verify(Map<String, String> fields) {
    String given = fields.get(SIGNATURE);
    if (given == null) {
      return false;
    }
    Map<String, String> content = new TreeMap<>(fields);
    content.remove(SIGNATURE);
    return MessageDigest.isEqual(
        mac(content).getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(Map<String, String> fields) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
        mac.update(lengthPrefixed(field.getKey()));
        mac.update(lengthPrefixed(field.getValue()));
      }
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] lengthPrefixed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }

  public String encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /** The plain text, or empty when the value was not sealed with this key. */
  public Optional<String> decrypt(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(encryptionKey, "AES"),
          new GCMParameterSpec(128, all, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] derive(byte[] secret, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
