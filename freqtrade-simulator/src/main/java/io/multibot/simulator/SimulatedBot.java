package io.multibot.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The bot behind the API: freqtrade's state machine (RUNNING, STOPPED and, from API 2.41 on,
 * PAUSED; a config reload returns to the previous state), its main loop driving the dry run, and
 * the configuration that {@code /show_config} reports.
 */
final class SimulatedBot {

  static final String VERSION = "2025.1-simulator";

  /** The last API version without {@code /pause}: there {@code /stopentry} only blocks entries. */
  static final double BASELINE_API_VERSION = 2.40;

  private final SimulatorConfig config;
  private final String strategy;
  private final double apiVersion;
  private final Trader trader;
  private final Consumer<String> log;
  private BotState state;
  private Instant lastProcess;

  SimulatedBot(
      SimulatorConfig config,
      String strategy,
      double apiVersion,
      Trader trader,
      Consumer<String> log) {
    this.config = config;
    this.strategy = strategy;
    this.apiVersion = apiVersion;
    this.trader = trader;
    this.log = log;
    this.state =
        "running".equals(config.text("initial_state", "stopped"))
            ? BotState.RUNNING
            : BotState.STOPPED;
  }

  String strategy() {
    return strategy;
  }

  synchronized BotState state() {
    return state;
  }

  boolean hasPause() {
    return apiVersion > BASELINE_API_VERSION;
  }

  /** One iteration of freqtrade's main loop; a stopped bot does not process. */
  synchronized void process(Instant now) {
    if (state == BotState.RUNNING || state == BotState.PAUSED) {
      trader.step(now, state == BotState.RUNNING);
      lastProcess = now;
    }
  }

  synchronized Instant lastProcess() {
    return lastProcess;
  }

  synchronized String start() {
    if (state == BotState.RUNNING) {
      return "already running";
    }
    change(BotState.RUNNING);
    return "starting trader ...";
  }

  synchronized String stop() {
    if (state == BotState.STOPPED) {
      return "already stopped";
    }
    change(BotState.STOPPED);
    return "stopping trader ...";
  }

  /**
   * {@code /stopentry}: from API 2.41 the same as {@code /pause}; in 2.40 it only sets
   * max_open_trades to 0 until the config is reloaded.
   */
  synchronized String stopEntry() {
    if (hasPause()) {
      return pause();
    }
    trader.stopEntries();
    log.accept("No more entries will occur from now (max_open_trades = 0)");
    return "No more entries will occur from now. Run /reload_config to reset.";
  }

  /** The newer {@code /pause}: no new entries until {@code /start}. */
  synchronized String pause() {
    change(BotState.PAUSED);
    return "paused, no more entries will occur from now. Run /start to enable entries.";
  }

  /**
   * Passes through RELOAD_CONFIG and returns to the state before it, as freqtrade's worker does.
   */
  synchronized String reloadConfig() {
    BotState previous = state;
    change(BotState.RELOAD_CONFIG);
    trader.reloadConfig();
    change(previous);
    return "Reloading config ...";
  }

  synchronized java.util.Map<String, String> blacklistAdd(java.util.List<String> pairs) {
    java.util.Map<String, String> errors = trader.blacklistAdd(pairs);
    log.accept("Blacklist now " + trader.blacklist());
    return errors;
  }

  synchronized java.util.Map<String, String> blacklistRemove(java.util.List<String> pairs) {
    java.util.Map<String, String> errors = trader.blacklistRemove(pairs);
    log.accept("Blacklist now " + trader.blacklist());
    return errors;
  }

  /** The simulator's {@code /_simulator/price_shock}: one pair's price moves at once. */
  synchronized double priceShock(String pair, double percent) {
    return trader.priceShock(pair, percent);
  }

  /** {@code /forceenter} needs {@code force_entry_enable} and a running bot. */
  synchronized Trade forceEnter(String pair, Double stake, Double price, String tag, Instant now) {
    if (!config.flag("force_entry_enable", false)) {
      throw new RpcException("Force_entry not enabled.");
    }
    if (state != BotState.RUNNING) {
      throw new RpcException("trader is not running");
    }
    return trader.forceEnter(pair, stake, price, tag, now);
  }

  /** {@code /forceexit} is refused while the bot is stopped. */
  synchronized String forceExit(String tradeId, Instant now) {
    if (state == BotState.STOPPED) {
      throw new RpcException("trader is not running");
    }
    return trader.forceExit(tradeId, now);
  }

  private void change(BotState next) {
    log.accept("Changing state from " + state.apiName() + " to: " + next.apiName());
    state = next;
  }

  /**
   * What {@code GET /show_config} answers: the trading settings, then the bot's identity and state.
   */
  synchronized JsonObject showConfig() {
    JsonObjectBuilder answer = Jsons.createObjectBuilder();
    tradingSettings(answer);
    boolean dryRun = config.flag("dry_run", true);
    return answer
        .add("version", VERSION)
        .add("strategy_version", JsonValue.NULL)
        .add("api_version", apiVersion)
        .add("dry_run", dryRun)
        .add("exchange", config.section("exchange").getString("name", ""))
        .add("strategy", strategy)
        .add("force_entry_enable", config.flag("force_entry_enable", false))
        .add("bot_name", config.text("bot_name", "freqtrade"))
        .add("state", state.apiName())
        .add("runmode", dryRun ? "dry_run" : "live")
        .build();
  }

  private void tradingSettings(JsonObjectBuilder answer) {
    String timeframe = config.text("timeframe", "5m");
    long minutes = Timeframes.minutes(timeframe);
    JsonObject json = config.json();
    JsonObject orderTypes = orderTypes(json);
    answer
        .add("trading_mode", config.text("trading_mode", "spot"))
        .add("short_allowed", false)
        .add("stake_currency", trader.settings().stakeCurrency())
        .add(
            "stake_amount",
            pythonStr(json.getOrDefault("stake_amount", Jsons.createValue("unlimited"))))
        .add("available_capital", JsonValue.NULL)
        .add("stake_currency_decimals", 3)
        .add("max_open_trades", trader.maxOpenTrades())
        .add("minimal_roi", json.getOrDefault("minimal_roi", JsonValue.EMPTY_JSON_OBJECT))
        .add("stoploss", config.number("stoploss", StrategyRule.DEFAULT_STOPLOSS))
        .add("stoploss_on_exchange", orderTypes.getBoolean("stoploss_on_exchange", false))
        .add("trailing_stop", false)
        .add("unfilledtimeout", JsonValue.EMPTY_JSON_OBJECT)
        .add("order_types", orderTypes)
        .add("use_custom_stoploss", false)
        .add("timeframe", timeframe)
        .add("timeframe_ms", minutes * 60_000)
        .add("timeframe_min", minutes)
        .add("exit_pricing", JsonValue.EMPTY_JSON_OBJECT)
        .add("entry_pricing", JsonValue.EMPTY_JSON_OBJECT)
        .add("position_adjustment_enable", false)
        .add("max_entry_position_adjustment", -1);
  }

  /**
   * The strategy's order types as freqtrade shows them: IStrategy's defaults (limit orders, no
   * stop-loss on the exchange, checked every 60 s) under what the config sets.
   */
  private static JsonObject orderTypes(JsonObject json) {
    JsonObjectBuilder types =
        Jsons.createObjectBuilder()
            .add("entry", "limit")
            .add("exit", "limit")
            .add("stoploss", "limit")
            .add("stoploss_on_exchange", false)
            .add("stoploss_on_exchange_interval", 60);
    if (json.get("order_types") instanceof JsonObject configured) {
      configured.forEach(types::add);
    }
    return types.build();
  }

  /**
   * {@code str()} of a config value as Python writes it, as freqtrade's {@code show_config} does
   * for {@code stake_amount}: {@code "10"}, {@code "10.5"}, {@code "unlimited"}.
   */
  static String pythonStr(JsonValue value) {
    if (value instanceof jakarta.json.JsonString text) {
      return text.getString();
    }
    if (value instanceof jakarta.json.JsonNumber number) {
      return number.isIntegral()
          ? number.bigIntegerValue().toString()
          : String.valueOf(number.doubleValue());
    }
    return value.toString();
  }
}
