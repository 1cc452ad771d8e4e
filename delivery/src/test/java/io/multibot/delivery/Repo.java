package io.multibot.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: its root and its files. */
final class Repo {

  private Repo() {}

  /**
   * The directory holding the Maven wrapper and the root pom (walks up from the working directory).
   */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("mvnw"))
          && Files.isDirectory(dir.resolve("deployment"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "not inside the Multibot repository: " + Path.of("").toAbsolutePath());
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
