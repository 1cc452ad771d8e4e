package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trading routes over HTTP on a simulated bot whose market stands still after a replayed
 * history, so that answers read one after another describe the same trades.
 */
class TradingRoutesIT {

  static final String FROZEN_MARKET =
      "\"stake_currency\": \"USDT\", \"stake_amount\": 100, \"max_open_trades\": 3,"
          + " \"dry_run_wallet\": 1000, \"exchange\": {\"name\": \"binance\", \"pair_whitelist\":"
          + " [\"BTC/USDT\", \"ETH/USDT\", \"XRP/USDT\", \"ADA/USDT\"]},"
          + " \"simulator\": {\"seed\": 11, \"tick_ms\": 3600000, \"history_candles\": 600}";

  private SimulatorProcess bot;
  private BotHttp http;

  @BeforeEach
  void launch(@TempDir Path dir) throws Exception {
    bot =
        SimulatorProcess.start(
            dir,
            FROZEN_MARKET + ", \"initial_state\": \"running\", \"force_entry_enable\": true",
            Map.of());
    http = new BotHttp(bot, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws InterruptedException {
    bot.close();
  }

  private static double number(JsonObject json, String key) {
    return json.getJsonNumber(key).doubleValue();
  }

  @Test
  void forcedEntryAndExitShowUpInEveryReport() throws Exception {
    int closedBefore = http.get("profit").json().getInt("closed_trade_count");

    BotHttp.Answer entered =
        http.post("forceenter", "{\"pair\": \"DOGE/USDT\", \"stakeamount\": 50}");
    int id = entered.json().getInt("trade_id");
    List<JsonObject> open = http.get("status").body().asJsonArray().getValuesAs(JsonObject.class);
    BotHttp.Answer one = http.get("trade/" + id);
    BotHttp.Answer exited = http.post("forceexit", "{\"tradeid\": " + id + "}");
    JsonObject closed = http.get("trade/" + id).json();

    assertThat(entered.status()).isEqualTo(200);
    assertThat(number(entered.json(), "stake_amount")).isEqualTo(50.0);
    assertThat(open).anyMatch(t -> t.getInt("trade_id") == id);
    assertThat(one.json().getBoolean("is_open")).isTrue();
    assertThat(exited.json().getString("result"))
        .isEqualTo("Created exit order for trade " + id + ".");
    assertThat(closed.getBoolean("is_open")).isFalse();
    assertThat(closed.getString("exit_reason")).isEqualTo("force_exit");
    assertThat(http.get("profit").json().getInt("closed_trade_count")).isEqualTo(closedBefore + 1);
  }

  @Test
  void figuresReadOverHttpAgree() throws Exception {
    JsonObject profit = http.get("profit").json();
    JsonObject trades = http.get("trades?limit=1000").json();
    JsonObject balance = http.get("balance").json();
    JsonObject count = http.get("count").json();
    int open = http.get("status").body().asJsonArray().size();
    double closedSum =
        trades.getJsonArray("trades").getValuesAs(JsonObject.class).stream()
            .mapToDouble(t -> number(t, "profit_abs"))
            .sum();

    assertThat(trades.getInt("total_trades"))
        .isEqualTo(profit.getInt("closed_trade_count"))
        .isPositive();
    assertThat(number(profit, "profit_closed_coin")).isCloseTo(closedSum, within(1e-6));
    assertThat(number(balance.getJsonArray("currencies").getJsonObject(0), "balance"))
        .isCloseTo(1000 + closedSum, within(1e-6));
    assertThat(number(balance, "total"))
        .isCloseTo(1000 + number(profit, "profit_all_coin"), within(1e-6));
    assertThat(count.getInt("current"))
        .isEqualTo(open)
        .isEqualTo(profit.getInt("trade_count") - profit.getInt("closed_trade_count"));
    assertThat(http.get("trades?limit=2&offset=1").json().getInt("trades_count")).isEqualTo(2);
  }

  @Test
  void refusesAsFreqtradeDoes() throws Exception {
    BotHttp.Answer missing = http.get("trade/99999");
    BotHttp.Answer tooMany = http.get("trades?limit=5000");
    BotHttp.Answer noPair = http.post("forceenter", "{\"side\": \"long\"}");
    BotHttp.Answer wrongQuote = http.post("forceenter", "{\"pair\": \"ETH/BTC\"}");
    BotHttp.Answer unknownTrade = http.post("forceexit", "{\"tradeid\": 99999}");
    http.post("stop", null);
    BotHttp.Answer enterStopped = http.post("forceenter", "{\"pair\": \"DOGE/USDT\"}");
    BotHttp.Answer exitStopped = http.post("forceexit", "{\"tradeid\": \"all\"}");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("detail")).isEqualTo("Trade not found.");
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(
            tooMany.json().getJsonArray("detail").getJsonObject(0).getJsonArray("loc").toString())
        .isEqualTo("[\"query\",\"limit\"]");
    assertThat(noPair.status()).isEqualTo(422);
    assertThat(noPair.json().getJsonArray("detail").getJsonObject(0).getString("msg"))
        .isEqualTo("Field required");
    assertThat(wrongQuote.status()).isEqualTo(502);
    assertThat(wrongQuote.json().getString("error"))
        .startsWith("Error querying /api/v1/forceenter: Wrong pair");
    assertThat(unknownTrade.json().getString("error"))
        .isEqualTo("Error querying /api/v1/forceexit: invalid argument");
    assertThat(enterStopped.json().getString("error")).endsWith("trader is not running");
    assertThat(exitStopped.status()).isEqualTo(502);
  }

  @Test
  void answersTheInformationRoutes() throws Exception {
    JsonObject health = http.get("health").json();
    JsonObject logs = http.get("logs?limit=2").json();
    JsonObject whitelist = http.get("whitelist").json();
    JsonObject daily = http.get("daily?timescale=3").json();

    assertThat(health.getString("bot_start")).isNotBlank();
    assertThat(logs.getInt("log_count")).isEqualTo(2);
    assertThat(logs.getJsonArray("logs").getJsonArray(0)).hasSize(5);
    assertThat(whitelist.getInt("length")).isEqualTo(4);
    assertThat(daily.getJsonArray("data")).hasSize(3);
    assertThat(http.get("sysinfo").json().getJsonArray("cpu_pct")).isNotEmpty();
  }
}
