package io.multibot.gateway.bot;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/**
 * What {@code /show_config} tells the gateway: the bot's state ({@code running}, {@code stopped},
 * {@code paused}), the API version it speaks, and the settings that decide what a command means.
 */
public record BotConfig(
    String state,
    double apiVersion,
    String botName,
    String strategy,
    String exchange,
    String stakeCurrency,
    int maxOpenTrades,
    boolean dryRun,
    String runmode,
    boolean forceEntryEnable,
    String timeframe) {

  /** The last API version without {@code /pause}: there {@code /stopentry} only blocks entries. */
  public static final double BASELINE_API_VERSION = 2.40;

  static BotConfig from(JsonObject json) {
    return new BotConfig(
        json.getString("state", ""),
        json.get("api_version") instanceof JsonNumber version ? version.doubleValue() : 0,
        json.getString("bot_name", ""),
        json.getString("strategy", ""),
        json.getString("exchange", ""),
        json.getString("stake_currency", ""),
        json.get("max_open_trades") instanceof JsonNumber max ? max.intValue() : -1,
        json.getBoolean("dry_run", true),
        json.getString("runmode", ""),
        json.getBoolean("force_entry_enable", false),
        json.getString("timeframe", ""));
  }

  /** Whether this bot has the newer {@code /pause} and the PAUSED state. */
  public boolean hasPause() {
    return apiVersion > BASELINE_API_VERSION;
  }

  /** Whether the bot makes no new entries: paused, or (2.40) running with no trade slots. */
  public boolean entriesStopped() {
    return "paused".equals(state) || "running".equals(state) && maxOpenTrades == 0;
  }
}
