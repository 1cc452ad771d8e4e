package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a {@code db_url}, a restarted simulator has the trades of its previous run and its trade ids
 * go on after them, as freqtrade's do with the same database.
 */
class TradeDatabaseIT {

  @TempDir private Path dir;

  @Test
  void aRestartKeepsTheTradesAndTheIdsGoOn() throws Exception {
    Path database = dir.resolve("tradesv3.dryrun.sqlite");
    String config =
        TradingRoutesIT.FROZEN_MARKET
            + ", \"initial_state\": \"running\", \"force_entry_enable\": true,"
            + " \"db_url\": \"sqlite:///"
            + database
            + "\"";
    SimulatorProcess bot = SimulatorProcess.start(dir, config, Map.of());
    try {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));
      int before = total(http);
      int entered =
          http.post("forceenter", "{\"pair\": \"DOGE/USDT\", \"stakeamount\": 20}")
              .json()
              .getInt("trade_id");
      http.post("forceexit", "{\"tradeid\": " + entered + "}");
      assertThat(Files.exists(database)).isTrue();

      bot = bot.restart();
      http = new BotHttp(bot, Duration.ofSeconds(5));

      assertThat(total(http)).as("the replayed history and the forced trade").isEqualTo(before + 1);
      JsonObject kept = http.get("trade/" + entered).json();
      assertThat(kept.getString("pair")).isEqualTo("DOGE/USDT");
      assertThat(kept.getString("exit_reason")).isEqualTo("force_exit");
      int next =
          http.post("forceenter", "{\"pair\": \"DOGE/USDT\", \"stakeamount\": 20}")
              .json()
              .getInt("trade_id");
      assertThat(next).as("ids go on").isGreaterThan(entered);
      assertThat(ids(http)).doesNotHaveDuplicates();
    } finally {
      bot.close();
    }
  }

  private static int total(BotHttp http) throws Exception {
    return http.get("trades?limit=1").json().getInt("total_trades");
  }

  private static List<Integer> ids(BotHttp http) throws Exception {
    return http
        .get("trades?limit=1000")
        .json()
        .getJsonArray("trades")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(t -> t.getInt("trade_id"))
        .toList();
  }
}
