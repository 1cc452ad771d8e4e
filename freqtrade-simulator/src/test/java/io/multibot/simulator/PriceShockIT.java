package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code control_routes} knob: a pair's price crashes on demand, and every figure the bot
 * reports follows, so that tests of loss limits can make a bot lose money when they need it to.
 */
class PriceShockIT {

  private static final String MARKET =
      "\"stake_currency\": \"USDT\", \"stake_amount\": 100, \"max_open_trades\": 3,"
          + " \"dry_run_wallet\": 1000, \"exchange\": {\"name\": \"binance\", \"pair_whitelist\":"
          + " [\"BTC/USDT\", \"ETH/USDT\"]}, \"initial_state\": \"running\","
          + " \"force_entry_enable\": true,";

  @TempDir private Path dir;

  private SimulatorProcess start(boolean controlRoutes) throws Exception {
    return SimulatorProcess.start(
        dir,
        MARKET
            + " \"simulator\": {\"seed\": 5, \"tick_ms\": 3600000, \"history_candles\": 0,"
            + " \"control_routes\": "
            + controlRoutes
            + "}",
        Map.of());
  }

  @Test
  void aCrashOfOnePairShowsInTheOpenTradeAndTheProfit() throws Exception {
    try (SimulatorProcess bot = start(true)) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));
      int id =
          http.post("forceenter", "{\"pair\": \"DOGE/USDT\", \"stakeamount\": 200}")
              .json()
              .getInt("trade_id");
      double before = number(http.get("trade/" + id).json(), "current_rate");
      double profitBefore = number(http.get("profit").json(), "profit_all_coin");

      BotHttp.Answer shocked =
          http.simulator(
              "price_shock", BotHttp.BASIC, "{\"pair\": \"DOGE/USDT\", \"percent\": -40}");

      assertThat(shocked.status()).isEqualTo(200);
      double after = number(shocked.json(), "price");
      assertThat(after).isCloseTo(before * 0.6, within(1e-6));
      assertThat(number(http.get("trade/" + id).json(), "current_rate")).isEqualTo(after);
      assertThat(number(http.get("profit").json(), "profit_all_coin") - profitBefore)
          .as("about 40 %% of the 200 staked is lost")
          .isCloseTo(-80, within(1.0));
    }
  }

  @Test
  void refusesBadShocksAndStrangers() throws Exception {
    try (SimulatorProcess bot = start(true)) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));

      assertThat(http.simulator("price_shock", null, "{\"pair\": \"BTC/USDT\", \"percent\": -5}"))
          .extracting(BotHttp.Answer::status)
          .isEqualTo(401);
      assertThat(
              http.simulator(
                      "price_shock", BotHttp.BASIC, "{\"pair\": \"BTC/USDT\", \"percent\": -100}")
                  .status())
          .isEqualTo(422);
      assertThat(http.simulator("price_shock", BotHttp.BASIC, "{\"percent\": -5}").status())
          .isEqualTo(422);
    }
  }

  @Test
  void isNotServedWithoutTheKnob() throws Exception {
    try (SimulatorProcess bot = start(false)) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));

      assertThat(
              http.simulator(
                      "price_shock", BotHttp.BASIC, "{\"pair\": \"BTC/USDT\", \"percent\": -40}")
                  .status())
          .isEqualTo(404);
    }
  }

  private static double number(JsonObject json, String key) {
    return json.getJsonNumber(key).doubleValue();
  }
}
