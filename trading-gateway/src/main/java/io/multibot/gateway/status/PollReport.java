package io.multibot.gateway.status;

import io.multibot.gateway.bot.BalanceSummary;
import io.multibot.gateway.bot.BotConfig;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.BotHealth;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import io.multibot.gateway.bot.ProfitSummary;
import io.multibot.gateway.bot.TradeView;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One poll of one bot, as the JSON body of a status message: {@code reachable} and, if not, {@code
 * error}; else {@code state}, {@code strategy}, {@code exchange}, {@code stake_currency}, {@code
 * max_open_trades}, {@code last_process}, {@code open_trades} (the trades), {@code profit_closed},
 * {@code profit_all}, {@code trade_count}, {@code closed_trade_count}, {@code winning_trades},
 * {@code losing_trades}, {@code balance}, {@code starting_capital}; on a full poll also {@code
 * logs} (the last lines, as freqtrade writes them) and {@code closed_trades} (the latest ones). A
 * read that fails after {@code show_config} answered leaves its fields out. {@code managed_state}
 * is the supervisor's view of a managed bot.
 */
final class PollReport {

  private PollReport() {}

  static String unreachable(String error, String managedState) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("reachable", false).add("error", error);
    if (managedState != null) {
      body.add("managed_state", managedState);
    }
    return body.build().toString();
  }

  /** The report, or {@code null} when the bot asked us to slow down (it is alive: no report). */
  static String poll(FreqtradeClient client, BotEndpoint bot, String managedState, boolean full) {
    FreqtradeResult<BotConfig> shown = client.showConfig(bot);
    if (shown instanceof FreqtradeResult.RateLimited<BotConfig>) {
      return null;
    }
    if (!(shown instanceof FreqtradeResult.Success<BotConfig> config)) {
      return unreachable(describe(shown), managedState);
    }
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("reachable", true)
            .add("state", config.value().state())
            .add("strategy", config.value().strategy())
            .add("exchange", config.value().exchange())
            .add("stake_currency", config.value().stakeCurrency())
            .add("max_open_trades", config.value().maxOpenTrades());
    if (managedState != null) {
      body.add("managed_state", managedState);
    }
    if (client.health(bot) instanceof FreqtradeResult.Success<BotHealth> health
        && health.value().lastProcess() != null) {
      body.add("last_process", health.value().lastProcess().toString());
    }
    if (client.openTrades(bot) instanceof FreqtradeResult.Success<List<TradeView>> trades) {
      body.add("open_trades", trades(trades.value()));
    }
    if (client.profit(bot) instanceof FreqtradeResult.Success<ProfitSummary> profit) {
      profit(body, profit.value());
    }
    if (client.balance(bot) instanceof FreqtradeResult.Success<BalanceSummary> balance) {
      body.add("balance", balance.value().total())
          .add("starting_capital", balance.value().startingCapital());
    }
    if (full) {
      details(client, bot, body);
    }
    return body.build().toString();
  }

  static final int LOG_LINES = 100;
  private static final int CLOSED_TRADES = 10;

  private static void details(FreqtradeClient client, BotEndpoint bot, JsonObjectBuilder body) {
    if (client.logs(bot, LOG_LINES) instanceof FreqtradeResult.Success<JsonObject> logs
        && logs.value().get("logs") instanceof JsonArray entries) {
      body.add("logs", logLines(entries));
    }
    if (client.closedTrades(bot, CLOSED_TRADES, 0)
            instanceof FreqtradeResult.Success<JsonObject> page
        && page.value().get("trades") instanceof JsonArray trades) {
      JsonArrayBuilder closed = Json.createArrayBuilder();
      for (JsonValue trade : trades) {
        if (trade instanceof JsonObject t && !t.getBoolean("is_open", false)) {
          closed.add(closedTrade(t));
        }
      }
      body.add("closed_trades", closed);
    }
  }

  /** freqtrade's {@code [ts_str, ts, logger, level, msg]} entries as its log file's lines. */
  private static JsonArrayBuilder logLines(JsonArray entries) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (JsonValue entry : entries) {
      if (entry instanceof JsonArray fields && fields.size() >= 5) {
        lines.add(
            fields.getString(0, "")
                + " - "
                + fields.getString(2, "")
                + " - "
                + fields.getString(3, "")
                + " - "
                + fields.getString(4, ""));
      }
    }
    return lines;
  }

  private static JsonObjectBuilder closedTrade(JsonObject trade) {
    JsonObjectBuilder item = Json.createObjectBuilder();
    for (String key :
        List.of(
            "trade_id",
            "pair",
            "open_date",
            "close_date",
            "stake_amount",
            "open_rate",
            "close_rate",
            "profit_abs",
            "profit_ratio",
            "exit_reason")) {
      if (trade.containsKey(key)) {
        item.add(key, trade.get(key));
      }
    }
    return item;
  }

  private static void profit(JsonObjectBuilder body, ProfitSummary p) {
    body.add("profit_closed", p.closedProfit())
        .add("profit_all", p.allProfit())
        .add("trade_count", p.tradeCount())
        .add("closed_trade_count", p.closedTradeCount())
        .add("winning_trades", p.winningTrades())
        .add("losing_trades", p.losingTrades());
  }

  private static JsonArrayBuilder trades(List<TradeView> trades) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (TradeView trade : trades) {
      JsonObjectBuilder item =
          Json.createObjectBuilder()
              .add("trade_id", trade.tradeId())
              .add("pair", trade.pair())
              .add("amount", trade.amount())
              .add("stake_amount", trade.stakeAmount())
              .add("open_rate", trade.openRate());
      if (trade.currentRate() != null) {
        item.add("current_rate", trade.currentRate());
      }
      if (trade.profitAbs() != null) {
        item.add("profit_abs", trade.profitAbs());
      }
      if (trade.profitRatio() != null) {
        item.add("profit_ratio", trade.profitRatio());
      }
      array.add(item);
    }
    return array;
  }

  private static String describe(FreqtradeResult<?> result) {
    if (result instanceof FreqtradeResult.Unreachable<?> unreachable) {
      return "unreachable: " + unreachable.reason();
    }
    if (result instanceof FreqtradeResult.TimedOut<?> timedOut) {
      return "no answer within " + timedOut.after();
    }
    if (result instanceof FreqtradeResult.AuthFailed<?> auth) {
      return "credentials rejected: " + auth.message();
    }
    return "refused: " + ((FreqtradeResult.Refused<?>) result).message();
  }
}
