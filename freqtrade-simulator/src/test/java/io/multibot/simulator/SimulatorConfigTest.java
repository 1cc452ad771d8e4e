package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorConfigTest {

  @Test
  void laterFilesOverrideEarlierOnesKeyByKey(@TempDir Path dir) throws IOException {
    Path base =
        Files.writeString(
            dir.resolve("base.json"),
            "{\"bot_name\": \"a\", \"api_server\": {\"enabled\": true, \"listen_port\": 8080, \"username\": \"u\"}}");
    Path local =
        Files.writeString(
            dir.resolve("local.json"),
            "{\"api_server\": {\"listen_port\": 9000}, \"dry_run\": false}");

    SimulatorConfig config = SimulatorConfig.load(List.of(base, local), Map.of());

    assertThat(config.text("bot_name", null)).isEqualTo("a");
    assertThat(config.section("api_server").getInt("listen_port")).isEqualTo(9000);
    assertThat(config.section("api_server").getString("username")).isEqualTo("u");
    assertThat(config.flag("dry_run", true)).isFalse();
  }

  @Test
  void environmentOverridesComeLastAndKeepTheirTypes(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("c.json"), "{\"api_server\": {\"password\": \"file\"}}");

    SimulatorConfig config =
        SimulatorConfig.load(
            List.of(file),
            Map.of(
                "FREQTRADE__API_SERVER__PASSWORD", "from-env",
                "FREQTRADE__MAX_OPEN_TRADES", "7",
                "OTHER", "ignored"));

    assertThat(config.section("api_server").getString("password")).isEqualTo("from-env");
    assertThat(config.json().getInt("max_open_trades")).isEqualTo(7);
    assertThat(config.json()).doesNotContainKey("other");
  }
}
