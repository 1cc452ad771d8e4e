package io.multibot.perf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** The load run's options: {@code --name value} pairs, each with a default. */
record Settings(
    URI baseUrl,
    int users,
    Duration duration,
    Duration warmup,
    Path report,
    String user,
    String password) {

  private static final Set<String> NAMES =
      Set.of("--base-url", "--users", "--duration", "--warmup", "--report", "--user", "--password");

  /** Parses the arguments; the password defaults to MULTIBOT_ADMIN_PASSWORD. */
  static Settings parse(String[] args, Map<String, String> environment) {
    Map<String, String> options = options(args, NAMES);
    try {
      Settings settings =
          new Settings(
              URI.create(options.getOrDefault("--base-url", "http://localhost:9080")),
              Integer.parseInt(options.getOrDefault("--users", "10")),
              Duration.parse(options.getOrDefault("--duration", "PT60S")),
              Duration.parse(options.getOrDefault("--warmup", "PT10S")),
              Path.of(options.getOrDefault("--report", "performance-tests/target/report")),
              options.getOrDefault("--user", "admin"),
              options.getOrDefault(
                  "--password", environment.getOrDefault("MULTIBOT_ADMIN_PASSWORD", "")));
      if (settings.users() < 1
          || settings.duration().isNegative()
          || settings.duration().isZero()) {
        throw new IllegalArgumentException("--users must be at least 1 and --duration positive");
      }
      return settings;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed option value: " + e.getMessage(), e);
    }
  }

  /** {@code --name value} pairs of known names. */
  static Map<String, String> options(String[] args, Set<String> names) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!names.contains(args[i]) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "unknown option or missing value: " + args[i] + "; options: " + names);
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }
}
