package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.simulator.testing.SimulatorProcess;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's knobs make it misbehave the ways real bots do, and only when asked. */
class FaultKnobsIT {

  @TempDir private Path dir;

  private SimulatorProcess start(String simulatorSection) throws Exception {
    return SimulatorProcess.start(dir, "\"simulator\": {" + simulatorSection + "}", Map.of());
  }

  @Test
  void addsLatencyButNotToPing() throws Exception {
    try (SimulatorProcess bot = start("\"latency_ms\": 2000")) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));
      long slow = System.nanoTime();
      http.get("version");
      long slowMillis = (System.nanoTime() - slow) / 1_000_000;
      long fast = System.nanoTime();
      http.call("GET", "ping", null, null);
      long fastMillis = (System.nanoTime() - fast) / 1_000_000;

      assertThat(slowMillis).isGreaterThanOrEqualTo(2000);
      assertThat(fastMillis).isLessThan(2000);
    }
  }

  @Test
  void failsEveryCallAtErrorRateOne() throws Exception {
    try (SimulatorProcess bot = start("\"error_rate\": 1.0")) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));

      assertThat(http.get("show_config").status()).isEqualTo(500);
      assertThat(http.call("GET", "ping", null, null).status()).isEqualTo(200);
    }
  }

  @Test
  void enforcesFreqtradesPerEndpointRateLimits() throws Exception {
    try (SimulatorProcess bot = start("\"rate_limits\": true")) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));
      for (int i = 0; i < 5; i++) {
        assertThat(http.get("profit").status()).isEqualTo(200);
      }

      BotHttp.Answer limited = http.get("profit");

      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.raw().headers().firstValue("Retry-After").map(Integer::parseInt))
          .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 60));
      assertThat(http.get("show_config").status()).isEqualTo(200);
    }
  }

  @Test
  void hangsOnTheNamedRoutesOnly() throws Exception {
    try (SimulatorProcess bot = start("\"hang_routes\": [\"show_config\"]")) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(1));

      assertThatThrownBy(() -> http.get("show_config")).isInstanceOf(HttpTimeoutException.class);
      assertThat(http.get("version").status()).isEqualTo(200);
    }
  }

  @Test
  void diesMidCallWhenAsked() throws Exception {
    SimulatorProcess bot = start("\"exit_on_route\": \"status\"");
    BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));

    assertThatThrownBy(() -> http.get("status")).isInstanceOf(IOException.class);
    assertThat(bot.exitCode()).isEqualTo(137);
  }

  @Test
  void behavesAsApiVersion240WhenAsked() throws Exception {
    try (SimulatorProcess bot = start("\"api_version\": 2.40")) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));
      http.post("start", null);

      assertThat(http.post("pause", null).status()).isEqualTo(404);
      assertThat(http.post("stopentry", null).json().getString("status"))
          .isEqualTo("No more entries will occur from now. Run /reload_config to reset.");
      assertThat(http.get("show_config").json().getString("state")).isEqualTo("running");
      assertThat(http.get("show_config").json().getInt("max_open_trades")).isZero();
      http.post("reload_config", null);
      assertThat(http.get("show_config").json().getInt("max_open_trades")).isEqualTo(3);
    }
  }

  @Test
  void refusesToStartWithoutTheStrategyInTheUserDirectory() throws Exception {
    Path userdir = Files.createDirectories(dir.resolve("user_data/strategies"));
    Path config = Files.writeString(dir.resolve("config.json"), "{}");
    Path log = dir.resolve("bot.log");
    Process missing = simulator(config, userdir.getParent(), "Missing", log);

    assertThat(missing.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(missing.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("Impossible to load Strategy 'Missing'");

    Files.writeString(userdir.resolve("present.py"), "class Present(IStrategy):\n    pass\n");
    Process present = simulator(config, userdir.getParent(), "Present", log);
    try {
      assertThat(present.waitFor(2, TimeUnit.SECONDS)).isFalse();
    } finally {
      present.destroy();
      present.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process simulator(Path config, Path userdir, String strategy, Path log)
      throws IOException {
    return new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("simulator.jar"),
                "trade",
                "--config",
                config.toString(),
                "--userdir",
                userdir.toString(),
                "--strategy",
                strategy,
                "--logfile",
                log.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
