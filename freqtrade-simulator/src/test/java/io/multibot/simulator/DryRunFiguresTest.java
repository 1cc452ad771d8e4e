package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated dry run in-process: the same seed trades the same way, and every figure the API
 * reports agrees with the trades it is derived from.
 */
class DryRunFiguresTest {

  private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
  private static final Duration CANDLE = Duration.ofMinutes(5);
  private static final double WALLET = 1000;

  private final List<String> log = new ArrayList<>();

  private Trader trader(long seed) {
    SimulatorConfig config =
        new SimulatorConfig(
            Json.createReader(
                    new java.io.StringReader(
                        "{\"stake_currency\": \"USDT\", \"stake_amount\": 100, \"max_open_trades\": 3,"
                            + " \"dry_run_wallet\": 1000, \"timeframe\": \"5m\", \"exchange\":"
                            + " {\"pair_whitelist\": [\"BTC/USDT\", \"ETH/USDT\", \"XRP/USDT\","
                            + " \"ADA/USDT\"]}}"))
                .readObject());
    return new Trader(
        TradingSettings.of(config),
        StrategyRule.of("SampleStrategy", -0.03),
        new Market(seed),
        log::add);
  }

  private static Instant run(Trader trader, int candles) {
    Instant time = START;
    for (int i = 0; i < candles; i++) {
      time = time.plus(CANDLE);
      trader.step(time, true);
    }
    return time;
  }

  private static double number(JsonObject json, String key) {
    return json.getJsonNumber(key).doubleValue();
  }

  @Test
  void theSameSeedGivesTheSameTradesAndAnotherSeedOthers() {
    Trader first = trader(42);
    Trader second = trader(42);
    Trader other = trader(7);
    run(first, 600);
    run(second, 600);
    run(other, 600);

    List<String> a =
        first.allTrades().stream().map(t -> t.pair() + t.openRate() + t.closeRate()).toList();
    List<String> b =
        second.allTrades().stream().map(t -> t.pair() + t.openRate() + t.closeRate()).toList();
    List<String> c =
        other.allTrades().stream().map(t -> t.pair() + t.openRate() + t.closeRate()).toList();

    assertThat(a).hasSizeGreaterThan(10).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void profitBalanceCountsAndListsAgree() {
    Trader trader = trader(42);
    Instant now = run(trader, 600);
    TradeJson json = new TradeJson(trader.settings(), "binance", "SampleStrategy");
    TradeReports trades = new TradeReports(trader, json, () -> now);
    ProfitReports money = new ProfitReports(trader, () -> now, START);

    JsonObject profit = money.profit();
    JsonObject balance = money.balance();
    JsonObject history = trades.trades(1000, 0, false);
    JsonArray open = trades.status();
    double closedSum =
        history.getJsonArray("trades").getValuesAs(JsonObject.class).stream()
            .mapToDouble(t -> number(t, "profit_abs"))
            .sum();
    double openSum =
        open.getValuesAs(JsonObject.class).stream().mapToDouble(t -> number(t, "profit_abs")).sum();

    assertThat(history.getInt("total_trades"))
        .isEqualTo(profit.getInt("closed_trade_count"))
        .isPositive();
    assertThat(history.getInt("trades_count")).isEqualTo(history.getInt("total_trades"));
    assertThat(profit.getInt("trade_count"))
        .isEqualTo(profit.getInt("closed_trade_count") + open.size());
    assertThat(number(profit, "profit_closed_coin")).isCloseTo(closedSum, within(1e-6));
    assertThat(number(profit, "profit_all_coin")).isCloseTo(closedSum + openSum, within(1e-6));
    assertThat(profit.getInt("winning_trades") + profit.getInt("losing_trades"))
        .isLessThanOrEqualTo(profit.getInt("closed_trade_count"));
    JsonObject stake = balance.getJsonArray("currencies").getJsonObject(0);
    assertThat(number(stake, "balance")).isCloseTo(WALLET + closedSum, within(1e-6));
    assertThat(number(stake, "free") + number(stake, "used"))
        .isCloseTo(number(stake, "balance"), within(1e-6));
    assertThat(number(balance, "total"))
        .isCloseTo(WALLET + number(profit, "profit_all_coin"), within(1e-6));
    assertThat(trades.count().getInt("current")).isEqualTo(open.size());
    assertThat(number(trades.count(), "total_stake")).isCloseTo(100.0 * open.size(), within(1e-6));
    int performanceCount =
        trades.performance().getValuesAs(JsonObject.class).stream()
            .mapToInt(p -> p.getInt("count"))
            .sum();
    assertThat(performanceCount).isEqualTo(profit.getInt("closed_trade_count"));
  }

  @Test
  void dailyProfitAddsUpToTheClosedProfitOfThoseDays() {
    Trader trader = trader(42);
    Instant now = run(trader, 3 * 288);
    ProfitReports money = new ProfitReports(trader, () -> now, START);

    JsonObject daily = money.daily(7);
    List<JsonObject> days = daily.getJsonArray("data").getValuesAs(JsonObject.class);
    double sum = days.stream().mapToDouble(d -> number(d, "abs_profit")).sum();
    int count = days.stream().mapToInt(d -> d.getInt("trade_count")).sum();

    assertThat(days).hasSize(7);
    assertThat(days.get(0).getString("date")).isEqualTo("2026-11-23");
    assertThat(sum).isCloseTo(number(money.profit(), "profit_closed_coin"), within(1e-6));
    assertThat(count).isEqualTo(money.profit().getInt("closed_trade_count"));
    double last = number(days.get(days.size() - 1), "starting_balance");
    assertThat(last).isCloseTo(WALLET, within(1e-6));
  }

  @Test
  void forcedTradesFollowFreqtradesRules() {
    Trader trader = trader(42);
    Instant now = run(trader, 10);

    Trade trade = trader.forceEnter("XRP/USDT", 50.0, null, null, now);

    assertThat(trade.stake()).isEqualTo(50.0);
    assertThat(trade.enterTag()).isEqualTo("force_entry");
    assertThatThrownBy(() -> trader.forceEnter("XRP/USDT", 50.0, null, null, now))
        .isInstanceOf(RpcException.class)
        .hasMessage("position for XRP/USDT already open - id: " + trade.id());
    assertThatThrownBy(() -> trader.forceEnter("XRP/BTC", 50.0, null, null, now))
        .hasMessageContaining("Only pairs with stake-currency USDT allowed");
    assertThatThrownBy(() -> trader.forceEnter("DOGE/USDT", 5000.0, null, null, now))
        .hasMessage("Error entering long trade for pair DOGE/USDT.");
    assertThat(trader.forceExit(String.valueOf(trade.id()), now))
        .isEqualTo("Created exit order for trade " + trade.id() + ".");
    assertThat(trade.exitReason()).isEqualTo("force_exit");
    assertThatThrownBy(() -> trader.forceExit("9999", now)).hasMessage("invalid argument");
    assertThat(trader.forceExit("all", now)).isEqualTo("Created exit orders for all open trades.");
    assertThat(trader.openTrades()).isEmpty();
  }

  @Test
  void stopEntryBlocksNewTradesUntilTheConfigIsReloaded() {
    Trader trader = trader(42);
    trader.forceExit("all", run(trader, 50));
    trader.stopEntries();
    run(trader, 300);

    assertThat(trader.openTrades()).isEmpty();
    assertThat(trader.maxOpenTrades()).isZero();
    trader.reloadConfig();
    assertThat(trader.maxOpenTrades()).isEqualTo(3);
  }

  @Test
  void openTradesCarryFreqtradesOpenTradeFields() {
    Trader trader = trader(42);
    Instant now = run(trader, 5);
    trader.forceEnter("LTC/USDT", 100.0, null, "manual", now);
    TradeReports trades =
        new TradeReports(trader, new TradeJson(trader.settings(), "binance", "S"), () -> now);

    JsonObject open =
        trades.status().getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("pair").equals("LTC/USDT"))
            .findFirst()
            .orElseThrow();

    assertThat(open.getBoolean("is_open")).isTrue();
    assertThat(open.getString("enter_tag")).isEqualTo("manual");
    assertThat(open.get("close_date")).isEqualTo(JsonValue.NULL);
    assertThat(open.get("current_rate")).isInstanceOf(JsonNumber.class);
    assertThat(number(open, "total_profit_abs")).isEqualTo(number(open, "profit_abs"));
    assertThat(open.getJsonNumber("open_timestamp").longValue()).isEqualTo(now.toEpochMilli());
  }
}
