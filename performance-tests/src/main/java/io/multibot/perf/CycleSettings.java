package io.multibot.perf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cycle run's options: {@code --name value} pairs, each with a default. */
record CycleSettings(
    URI baseUrl,
    String redisUrl,
    Path simulatorJar,
    int bots,
    int simulators,
    List<Integer> rates,
    Duration step,
    Path report,
    String password,
    long managementPid,
    Duration soak) {

  private static final Set<String> NAMES =
      Set.of(
          "--base-url",
          "--redis-url",
          "--simulator-jar",
          "--bots",
          "--simulators",
          "--rates",
          "--step",
          "--report",
          "--management-pid",
          "--soak");

  static CycleSettings parse(String[] args, Map<String, String> environment) {
    Map<String, String> options = Settings.options(args, NAMES);
    try {
      CycleSettings settings =
          new CycleSettings(
              URI.create(options.getOrDefault("--base-url", "http://localhost:9080")),
              options.getOrDefault(
                  "--redis-url", environment.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379")),
              Path.of(
                  options.getOrDefault(
                      "--simulator-jar", "freqtrade-simulator/target/freqtrade-simulator.jar")),
              Integer.parseInt(options.getOrDefault("--bots", "100")),
              Integer.parseInt(options.getOrDefault("--simulators", "2")),
              Arrays.stream(options.getOrDefault("--rates", "10,50,200").split(","))
                  .map(String::strip)
                  .map(Integer::valueOf)
                  .toList(),
              Duration.parse(options.getOrDefault("--step", "PT10S")),
              Path.of(options.getOrDefault("--report", "performance-tests/target/report")),
              environment.getOrDefault("MULTIBOT_ADMIN_PASSWORD", ""),
              Long.parseLong(options.getOrDefault("--management-pid", "0")),
              Duration.parse(options.getOrDefault("--soak", "PT0S")));
      if (settings.bots() < 1
          || settings.simulators() < 1
          || settings.step().isNegative()
          || settings.soak().isNegative()) {
        throw new IllegalArgumentException("--bots and --simulators must be at least 1");
      }
      return settings;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed option value: " + e.getMessage(), e);
    }
  }
}
