package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.multibot.common.testing.MutableClock;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against simulated freqtrade bots running as child processes on loopback. */
class FreqtradeClientIT {

  static final String MARKET =
      "\"bot_name\": \"it\", \"stake_currency\": \"USDT\", \"stake_amount\": 100,"
          + " \"max_open_trades\": 3, \"dry_run_wallet\": 1000, \"force_entry_enable\": true,"
          + " \"exchange\": {\"name\": \"binance\", \"pair_whitelist\": [\"BTC/USDT\","
          + " \"ETH/USDT\", \"XRP/USDT\"]}, \"simulator\": {\"seed\": 5, \"tick_ms\": 3600000,"
          + " \"history_candles\": 500";

  static final ClientSettings SETTINGS =
      new ClientSettings(
          Duration.ofSeconds(1), Duration.ofSeconds(2), 5, Duration.ofSeconds(30), 4, true);

  @TempDir private Path dir;
  private SimulatorProcess bot;

  @AfterEach
  void stopBot() throws InterruptedException {
    if (bot != null) {
      bot.close();
    }
  }

  private BotEndpoint launch(String simulatorKnobs) throws Exception {
    String knobs = simulatorKnobs.isEmpty() ? "" : ", " + simulatorKnobs;
    bot = SimulatorProcess.start(dir, MARKET + knobs + "}", Map.of());
    return endpoint(SimulatorProcess.PASSWORD);
  }

  private BotEndpoint endpoint(String password) {
    return new BotEndpoint(
        "bot-" + bot.baseUrl(), URI.create(bot.baseUrl()), SimulatorProcess.USERNAME, password);
  }

  static <T> T value(FreqtradeResult<T> result) {
    assertThat(result).isInstanceOf(FreqtradeResult.Success.class);
    return ((FreqtradeResult.Success<T>) result).value();
  }

  @Test
  void readsEveryRouteIntoConsistentFigures() throws Exception {
    BotEndpoint endpoint = launch("");
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);

    BotConfig config = value(client.showConfig(endpoint));
    ProfitSummary profit = value(client.profit(endpoint));
    BalanceSummary balance = value(client.balance(endpoint));
    List<TradeView> open = value(client.openTrades(endpoint));
    TradeCount count = value(client.count(endpoint));
    JsonObject closed = value(client.closedTrades(endpoint, 500, 0));
    double closedSum =
        closed.getJsonArray("trades").getValuesAs(JsonObject.class).stream()
            .mapToDouble(t -> t.getJsonNumber("profit_abs").doubleValue())
            .sum();

    assertThat(config.botName()).isEqualTo("it");
    assertThat(config.state()).isEqualTo("stopped");
    assertThat(config.apiVersion()).isEqualTo(2.42);
    assertThat(profit.closedTradeCount()).isEqualTo(closed.getInt("total_trades")).isPositive();
    assertThat(profit.closedProfit()).isCloseTo(closedSum, within(1e-6));
    assertThat(balance.total()).isCloseTo(1000 + profit.allProfit(), within(1e-6));
    assertThat(balance.currency()).isEqualTo("USDT");
    assertThat(count.current())
        .isEqualTo(open.size())
        .isEqualTo(profit.tradeCount() - profit.closedTradeCount());
    assertThat(value(client.health(endpoint)).botStart()).isBefore(Instant.now());
    assertThat(value(client.get(endpoint, "version")).asJsonObject().getString("version"))
        .isNotBlank();
    assertThat(value(client.get(endpoint, "performance")).asJsonArray()).isNotEmpty();
    assertThat(value(client.get(endpoint, "daily?timescale=3")).asJsonObject().getJsonArray("data"))
        .hasSize(3);
    assertThat(value(client.logs(endpoint, 5)).getInt("log_count")).isPositive();
    assertThat(value(client.get(endpoint, "whitelist")).asJsonObject().getInt("length"))
        .isEqualTo(3);
    assertThat(client.trade(endpoint, 99_999))
        .isEqualTo(new FreqtradeResult.Refused<>(404, "Trade not found."));
  }

  @Test
  void controlsTheBotAndConfirmsEachState() throws Exception {
    BotEndpoint endpoint = launch("");
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);

    assertThat(value(client.start(endpoint)).state()).isEqualTo("running");
    TradeView trade =
        value(
            client.forceEnter(
                endpoint, new ForceEntry("DOGE/USDT", "long", 40.0, null, null, "manual")));
    assertThat(value(client.pause(endpoint)).state()).isEqualTo("paused");
    assertThat(value(client.reloadConfig(endpoint)).state()).isEqualTo("paused");
    assertThat(value(client.forceExit(endpoint, String.valueOf(trade.tradeId()))))
        .isEqualTo("Created exit order for trade " + trade.tradeId() + ".");
    assertThat(value(client.stop(endpoint)).state()).isEqualTo("stopped");

    assertThat(trade.open()).isTrue();
    assertThat(trade.stakeAmount()).isEqualTo(40.0);
    assertThat(value(client.trade(endpoint, trade.tradeId())).exitReason()).isEqualTo("force_exit");
    assertThat(client.forceEnter(endpoint, ForceEntry.market("DOGE/USDT")))
        .isEqualTo(
            new FreqtradeResult.Refused<>(
                502, "Error querying /api/v1/forceenter: trader is not running"));
  }

  @Test
  void pausesA240BotWithStopentryAndReadsThatBack() throws Exception {
    BotEndpoint endpoint = launch("\"api_version\": 2.40");
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);
    value(client.start(endpoint));

    BotConfig paused = value(client.pause(endpoint));
    BotConfig reloaded = value(client.reloadConfig(endpoint));

    assertThat(paused.state()).isEqualTo("running");
    assertThat(paused.maxOpenTrades()).isZero();
    assertThat(paused.entriesStopped()).isTrue();
    assertThat(reloaded.maxOpenTrades()).isEqualTo(3);
  }

  @Test
  void refreshesTheAccessTokenBeforeItExpires() throws Exception {
    BotEndpoint endpoint = launch("");
    MutableClock clock = new MutableClock(Instant.now());
    FreqtradeClient client = new FreqtradeClient(clock, SETTINGS);

    value(client.showConfig(endpoint));
    clock.advance(Duration.ofMinutes(11));
    value(client.showConfig(endpoint));
    assertThat(client.refreshes()).isZero();
    clock.advance(Duration.ofMinutes(2));
    value(client.showConfig(endpoint));

    assertThat(client.logins()).isEqualTo(1);
    assertThat(client.refreshes()).isEqualTo(1);
  }

  @Test
  void signsInAgainOnceWhenTheBotNoLongerAcceptsItsToken() throws Exception {
    BotEndpoint endpoint = launch("");
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);
    value(client.showConfig(endpoint));

    bot = bot.restart(Map.of("FREQTRADE__API_SERVER__JWT_SECRET_KEY", "rotated-secret"));

    assertThat(value(client.showConfig(endpoint)).botName()).isEqualTo("it");
    assertThat(client.logins()).isEqualTo(2);
  }

  @Test
  void fallsBackToHttpBasicForABotWithoutTokenRoutes() throws Exception {
    BotEndpoint endpoint = launch("\"token_routes\": false");
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);

    assertThat(value(client.showConfig(endpoint)).botName()).isEqualTo("it");
    assertThat(value(client.start(endpoint)).state()).isEqualTo("running");
    assertThat(client.logins()).isEqualTo(1);
    assertThat(client.refreshes()).isZero();
  }

  @Test
  void reportsWrongCredentials() throws Exception {
    launch("");
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);

    assertThat(client.showConfig(endpoint("wrong")))
        .isEqualTo(new FreqtradeResult.AuthFailed<>("Incorrect username or password"));
  }

  @Test
  void reportsABotThatIsGone() throws Exception {
    BotEndpoint endpoint = launch("");
    bot.close();
    FreqtradeClient client = new FreqtradeClient(Clock.systemUTC(), SETTINGS);

    assertThat(client.showConfig(endpoint))
        .isEqualTo(new FreqtradeResult.Unreachable<>("connection refused"));
  }
}
