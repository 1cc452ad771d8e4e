package io.multibot.management.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the {@link SecretCipher} from configuration. {@code MULTIBOT_SECRETS_KEY} is the current
 * key ({@code id:base64} of 32 bytes, or just base64 for id {@code k1}); {@code
 * MULTIBOT_SECRETS_PREVIOUS_KEYS} lists older ones ({@code id:base64,id:base64}) that still
 * decrypt. Without a configured key, a generated one is kept in {@code <data dir>/secrets.key}
 * (mode 600) so that local runs work; production sets the variable from a secret store.
 */
public final class SecretKeyRing {

  private static final Logger LOG = Logger.getLogger(SecretKeyRing.class.getName());
  private static final int KEY_BYTES = 32;
  private static final String DEFAULT_ID = "k1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretKeyRing() {}

  public static SecretCipher cipher(
      Optional<String> current, Optional<String> previous, Path keyFile) {
    String currentSpec =
        current.filter(value -> !value.isBlank()).orElseGet(() -> localKey(keyFile));
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    previous.ifPresent(
        list -> {
          for (String spec : list.split(",")) {
            if (!spec.isBlank()) {
              put(keys, spec.strip());
            }
          }
        });
    String currentId = put(keys, currentSpec.strip());
    return new SecretCipher(currentId, keys);
  }

  private static String put(Map<String, SecretKey> keys, String spec) {
    int colon = spec.indexOf(':');
    String id = colon < 0 ? DEFAULT_ID : spec.substring(0, colon);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(spec.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("secret key '" + id + "' is not base64");
    }
    if (bytes.length != KEY_BYTES || !id.matches("[A-Za-z0-9_-]{1,20}")) {
      throw new IllegalStateException(
          "secret key '" + id + "' must be 32 bytes, base64, with an id of letters and digits");
    }
    keys.put(id, new SecretKeySpec(bytes, "AES"));
    return id;
  }

  private static synchronized String localKey(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      byte[] key = new byte[KEY_BYTES];
      RANDOM.nextBytes(key);
      String spec = DEFAULT_ID + ":" + Base64.getEncoder().encodeToString(key);
      Path directory = file.toAbsolutePath().getParent();
      if (directory != null) {
        Files.createDirectories(directory);
      }
      Files.writeString(file, spec + "\n", StandardCharsets.US_ASCII);
      restrict(file);
      LOG.warning(
          "MULTIBOT_SECRETS_KEY is not set: generated a key in "
              + file.toString().replaceAll("\\p{Cntrl}", "?")
              + ". Set the variable in production; see the README on key rotation.");
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the local secrets key " + file, e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.fine("file system without POSIX permissions; secrets key left with default mode");
    }
  }
}
