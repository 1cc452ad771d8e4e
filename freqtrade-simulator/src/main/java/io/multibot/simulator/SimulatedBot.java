package io.multibot.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.function.Consumer;

/**
 * The bot behind the API: freqtrade's state machine (RUNNING, STOPPED, PAUSED; a config reload
 * returns to the previous state) and the configuration that {@code /show_config} reports.
 */
final class SimulatedBot {

  static final String VERSION = "2025.1-simulator";
  static final String API_VERSION = "2.42";

  private final SimulatorConfig config;
  private final String strategy;
  private final Consumer<String> log;
  private BotState state;

  SimulatedBot(SimulatorConfig config, String strategy, Consumer<String> log) {
    this.config = config;
    this.strategy = strategy;
    this.log = log;
    this.state =
        "running".equals(config.text("initial_state", "stopped"))
            ? BotState.RUNNING
            : BotState.STOPPED;
  }

  synchronized BotState state() {
    return state;
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

  /** The newer {@code /pause} (and {@code /stopentry}): no new entries until {@code /start}. */
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
    change(previous);
    return "Reloading config ...";
  }

  private void change(BotState next) {
    log.accept("Changing state from " + state.apiName() + " to: " + next.apiName());
    state = next;
  }

  /**
   * What {@code GET /show_config} answers: the trading settings, then the bot's identity and state.
   */
  synchronized JsonObject showConfig() {
    JsonObjectBuilder answer = Json.createObjectBuilder();
    tradingSettings(answer);
    boolean dryRun = config.flag("dry_run", true);
    return answer
        .add("version", VERSION)
        .add("strategy_version", JsonValue.NULL)
        .add("api_version", Double.parseDouble(API_VERSION))
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
    answer
        .add("trading_mode", config.text("trading_mode", "spot"))
        .add("short_allowed", false)
        .add("stake_currency", config.text("stake_currency", ""))
        .add("stake_amount", json.getOrDefault("stake_amount", Json.createValue("unlimited")))
        .add("available_capital", JsonValue.NULL)
        .add("stake_currency_decimals", 3)
        .add("max_open_trades", json.getOrDefault("max_open_trades", Json.createValue(-1)))
        .add("minimal_roi", json.getOrDefault("minimal_roi", JsonValue.EMPTY_JSON_OBJECT))
        .add("stoploss", json.getOrDefault("stoploss", Json.createValue(-0.1)))
        .add("stoploss_on_exchange", false)
        .add("trailing_stop", false)
        .add("unfilledtimeout", JsonValue.EMPTY_JSON_OBJECT)
        .add("order_types", JsonValue.EMPTY_JSON_OBJECT)
        .add("use_custom_stoploss", false)
        .add("timeframe", timeframe)
        .add("timeframe_ms", minutes * 60_000)
        .add("timeframe_min", minutes)
        .add("exit_pricing", JsonValue.EMPTY_JSON_OBJECT)
        .add("entry_pricing", JsonValue.EMPTY_JSON_OBJECT)
        .add("position_adjustment_enable", false)
        .add("max_entry_position_adjustment", -1);
  }
}
