package io.multibot.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * freqtrade's strategy lookup in a user directory: a {@code .py} file under {@code strategies/}
 * that defines {@code class <Name>(...)}. The simulator does not run the code; it refuses to start
 * without it, as freqtrade does.
 */
final class StrategyFiles {

  private StrategyFiles() {}

  static boolean defines(Path userdir, String strategy) throws IOException {
    Path strategies = userdir.resolve("strategies");
    if (!Files.isDirectory(strategies)) {
      return false;
    }
    Pattern definition = Pattern.compile("(?m)^class\\s+" + Pattern.quote(strategy) + "\\s*\\(");
    try (Stream<Path> files = Files.list(strategies)) {
      return files
          .filter(file -> file.toString().endsWith(".py"))
          .anyMatch(file -> definition.matcher(read(file)).find());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
