package io.multibot.common.status;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One poll of one bot by its gateway. A poll that did not reach the bot has only {@code error} (and
 * the supervisor's {@code managedState} for a managed bot). One that did has what {@code
 * show_config} said ({@link Shown}); each further read that answered adds its part — {@code
 * openTrades} (freqtrade's {@code /status} objects), {@link Profit}, {@link Balance} — and a full
 * poll (every few) adds {@code logs} (log lines as freqtrade writes them) and {@code closedTrades}
 * (the latest, freqtrade's {@code /trades} objects). A part that is {@code null} was not read.
 *
 * <p>On the wire it is one flat JSON object (the keys below); the management server stores it as
 * the bot's snapshot and reads it back with {@link #fromJson}, so old snapshots stay readable.
 */
public record BotPoll(
    String error,
    ProcessState managedState,
    Shown shown,
    JsonArray openTrades,
    Profit profit,
    Balance balance,
    JsonArray logs,
    JsonArray closedTrades)
    implements StatusReport {

  /** What {@code show_config} and {@code health} said. */
  public record Shown(
      BotState state,
      String strategy,
      String exchange,
      String stakeCurrency,
      int maxOpenTrades,
      String lastProcess) {}

  /** What {@code /profit} said. */
  public record Profit(
      double closed, double all, int trades, int closedTrades, int winning, int losing) {}

  /** What {@code /balance} said: totals in the stake currency. */
  public record Balance(double total, double startingCapital) {}

  /** A poll that did not reach the bot. */
  public static BotPoll unreachable(String error, ProcessState managedState) {
    return new BotPoll(error, managedState, null, null, null, null, null, null);
  }

  /** Whether the poll reached the bot ({@code show_config} answered). */
  public boolean reachable() {
    return shown != null;
  }

  /** This poll, with the logs and closed trades of {@code older} where this one has none. */
  public BotPoll withDetailsOf(BotPoll older) {
    return new BotPoll(
        error,
        managedState,
        shown,
        openTrades,
        profit,
        balance,
        logs == null ? older.logs : logs,
        closedTrades == null ? older.closedTrades : closedTrades);
  }

  @Override
  public JsonObject toJson() {
    JsonObjectBuilder json = Jsons.createObjectBuilder().add("reachable", reachable());
    if (error != null) {
      json.add("error", error);
    }
    if (managedState != null) {
      json.add("managed_state", managedState.name());
    }
    if (shown != null) {
      json.add("state", shown.state.wire())
          .add("strategy", shown.strategy)
          .add("exchange", shown.exchange)
          .add("stake_currency", shown.stakeCurrency)
          .add("max_open_trades", shown.maxOpenTrades);
      if (shown.lastProcess != null) {
        json.add("last_process", shown.lastProcess);
      }
    }
    addIfPresent(json, "open_trades", openTrades);
    if (profit != null) {
      json.add("profit_closed", profit.closed)
          .add("profit_all", profit.all)
          .add("trade_count", profit.trades)
          .add("closed_trade_count", profit.closedTrades)
          .add("winning_trades", profit.winning)
          .add("losing_trades", profit.losing);
    }
    if (balance != null) {
      json.add("balance", balance.total).add("starting_capital", balance.startingCapital);
    }
    addIfPresent(json, "logs", logs);
    addIfPresent(json, "closed_trades", closedTrades);
    return json.build();
  }

  /** The poll a JSON object holds; parts it lacks, or has with the wrong types, are left out. */
  public static BotPoll fromJson(JsonObject json) {
    ProcessState managed = ProcessState.ofWire(json.getString("managed_state", null));
    if (!json.getBoolean("reachable", false)) {
      return unreachable(json.getString("error", ""), managed);
    }
    Shown shown =
        new Shown(
            BotState.ofWire(json.getString("state", null)),
            json.getString("strategy", null),
            json.getString("exchange", null),
            json.getString("stake_currency", null),
            json.getInt("max_open_trades", 0),
            json.getString("last_process", null));
    return new BotPoll(
        null,
        managed,
        shown,
        array(json, "open_trades"),
        profit(json),
        json.get("balance") instanceof JsonNumber total
            ? new Balance(total.doubleValue(), number(json, "starting_capital"))
            : null,
        array(json, "logs"),
        array(json, "closed_trades"));
  }

  private static Profit profit(JsonObject json) {
    if (!(json.get("profit_closed") instanceof JsonNumber closed)) {
      return null;
    }
    return new Profit(
        closed.doubleValue(),
        number(json, "profit_all"),
        json.getInt("trade_count", 0),
        json.getInt("closed_trade_count", 0),
        json.getInt("winning_trades", 0),
        json.getInt("losing_trades", 0));
  }

  private static double number(JsonObject json, String key) {
    return json.get(key) instanceof JsonNumber value ? value.doubleValue() : 0;
  }

  private static JsonArray array(JsonObject json, String key) {
    return json.get(key) instanceof JsonArray value ? value : null;
  }

  private static void addIfPresent(JsonObjectBuilder json, String key, JsonArray value) {
    if (value != null) {
      json.add(key, value);
    }
  }
}
