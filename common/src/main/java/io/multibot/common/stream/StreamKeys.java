package io.multibot.common.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stream key of this server: {@code MULTIBOT_STREAM_KEY}, or else (for local runs, where both
 * servers share a data directory) the key in {@code <MULTIBOT_DATA_DIR>/stream.key}, created by the
 * first server that needs it. Without either, commands can be neither sent nor run, and the startup
 * check says why.
 */
@ApplicationScoped
public class StreamKeys {

  private static final Logger LOG = Logger.getLogger(StreamKeys.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StreamSecurity security;
  private final String error;

  @Inject
  public StreamKeys(
      @ConfigProperty(name = "multibot.stream.key") Optional<String> key,
      @ConfigProperty(name = "multibot.data.dir") Optional<String> dataDir) {
    StreamSecurity built = null;
    String problem = null;
    try {
      built =
          StreamSecurity.fromBase64(
              key.filter(k -> !k.isBlank()).orElseGet(() -> fromFile(dataDir)));
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
      LOG.log(Level.SEVERE, "multibot: {0}", problem);
    }
    this.security = built;
    this.error = problem;
  }

  /** For CDI's proxy. */
  protected StreamKeys() {
    this.security = null;
    this.error = "not initialised";
  }

  public Optional<StreamSecurity> security() {
    return Optional.ofNullable(security);
  }

  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  private static String fromFile(Optional<String> dataDir) {
    if (dataDir.isEmpty() || dataDir.get().isBlank()) {
      return null;
    }
    Path directory = Path.of(dataDir.get());
    Path file = directory.resolve("stream.key");
    try {
      if (!Files.exists(file)) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "stream", ".key");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(
            temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
        try {
          Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
          Files.delete(temporary);
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }
}
