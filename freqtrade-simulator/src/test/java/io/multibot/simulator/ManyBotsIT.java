package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bots} knob: one process serving several independent bots, as the benchmarks' fleet
 * needs (a hundred logical bots sharing one freqtrade state would see each other's commands).
 */
class ManyBotsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir private Path dir;

  @Test
  void eachBotHasItsOwnStateAndTrades() throws Exception {
    try (SimulatorProcess process =
        SimulatorProcess.start(
            dir,
            "\"initial_state\": \"running\", \"force_entry_enable\": true,"
                + " \"simulator\": {\"bots\": 3, \"tick_ms\": 3600000, \"history_candles\": 0}",
            Map.of())) {
      BotHttp first = new BotHttp(process, TIMEOUT);
      BotHttp second = new BotHttp(process.baseUrl() + "/bots/1", TIMEOUT);
      BotHttp third = new BotHttp(process.baseUrl() + "/bots/2", TIMEOUT);

      assertThat(second.post("stop", null).status()).isEqualTo(200);
      assertThat(third.post("forceenter", "{\"pair\": \"ETH/USDT\"}").status()).isEqualTo(200);

      assertThat(state(second)).isEqualTo("stopped");
      assertThat(state(first)).isEqualTo("running");
      assertThat(state(third)).isEqualTo("running");
      assertThat(state(new BotHttp(process.baseUrl() + "/bots/0", TIMEOUT))).isEqualTo("running");
      assertThat(third.get("count").json().getInt("current")).isEqualTo(1);
      assertThat(first.get("count").json().getInt("current")).isZero();
    }
  }

  @Test
  void answersNotFoundForABotItDoesNotServe() throws Exception {
    try (SimulatorProcess process =
        SimulatorProcess.start(dir, "\"simulator\": {\"bots\": 2}", Map.of())) {
      for (String prefix : new String[] {"/bots/2", "/bots/x", "/bots/-1", "/bots/", "/bots"}) {
        BotHttp.Answer answer = new BotHttp(process.baseUrl() + prefix, TIMEOUT).get("version");

        assertThat(answer.status()).as(prefix).isEqualTo(404);
        assertThat(answer.json().getString("detail")).as(prefix).isEqualTo("Not Found");
      }
      BotHttp one = new BotHttp(process.baseUrl() + "/bots/1", TIMEOUT);
      assertThat(one.get("version").status()).isEqualTo(200);
      assertThat(one.call("GET", "version", null, null).status()).isEqualTo(401);
    }
  }

  private static String state(BotHttp bot) throws Exception {
    return bot.get("show_config").json().getString("state");
  }
}
