package io.multibot.gateway.status;

import io.multibot.common.json.Jsons;
import io.multibot.common.status.BotPoll;
import io.multibot.common.status.BotState;
import io.multibot.common.status.ProcessState;
import io.multibot.gateway.bot.BalanceSummary;
import io.multibot.gateway.bot.BotConfig;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.BotHealth;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import io.multibot.gateway.bot.ProfitSummary;
import io.multibot.gateway.bot.TradeView;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Reads one poll of one bot from its freqtrade API into a {@link BotPoll}: {@code show_config}
 * first (no answer: an unreachable poll), then {@code health}, {@code status}, {@code profit} and
 * {@code balance}, and on a full poll the last log lines and closed trades. A read that fails after
 * {@code show_config} answered leaves its part out.
 */
final class PollReport {

  private PollReport() {}

  /** The poll, or {@code null} when the bot asked us to slow down (it is alive: no report). */
  static BotPoll poll(
      FreqtradeClient client, BotEndpoint bot, ProcessState managedState, boolean full) {
    FreqtradeResult<BotConfig> shown = client.showConfig(bot);
    if (shown instanceof FreqtradeResult.RateLimited<BotConfig>) {
      return null;
    }
    if (!(shown instanceof FreqtradeResult.Success<BotConfig> config)) {
      return BotPoll.unreachable(describe(shown), managedState);
    }
    String lastProcess =
        client.health(bot) instanceof FreqtradeResult.Success<BotHealth> health
                && health.value().lastProcess() != null
            ? health.value().lastProcess().toString()
            : null;
    BotConfig c = config.value();
    return new BotPoll(
        null,
        managedState,
        new BotPoll.Shown(
            BotState.ofWire(c.state()),
            c.strategy(),
            c.exchange(),
            c.stakeCurrency(),
            c.maxOpenTrades(),
            lastProcess),
        client.openTrades(bot) instanceof FreqtradeResult.Success<List<TradeView>> trades
            ? trades(trades.value())
            : null,
        client.profit(bot) instanceof FreqtradeResult.Success<ProfitSummary> profit
            ? profit(profit.value())
            : null,
        client.balance(bot) instanceof FreqtradeResult.Success<BalanceSummary> balance
            ? new BotPoll.Balance(balance.value().total(), balance.value().startingCapital())
            : null,
        full ? logs(client, bot) : null,
        full ? closedTrades(client, bot) : null);
  }

  static final int LOG_LINES = 100;
  private static final int CLOSED_TRADES = 10;

  private static JsonArray logs(FreqtradeClient client, BotEndpoint bot) {
    return client.logs(bot, LOG_LINES) instanceof FreqtradeResult.Success<JsonObject> logs
            && logs.value().get("logs") instanceof JsonArray entries
        ? logLines(entries)
        : null;
  }

  private static JsonArray closedTrades(FreqtradeClient client, BotEndpoint bot) {
    if (!(client.closedTrades(bot, CLOSED_TRADES, 0)
            instanceof FreqtradeResult.Success<JsonObject> page
        && page.value().get("trades") instanceof JsonArray trades)) {
      return null;
    }
    JsonArrayBuilder closed = Jsons.createArrayBuilder();
    for (JsonValue trade : trades) {
      if (trade instanceof JsonObject t && !t.getBoolean("is_open", false)) {
        closed.add(closedTrade(t));
      }
    }
    return closed.build();
  }

  /** freqtrade's {@code [ts_str, ts, logger, level, msg]} entries as its log file's lines. */
  private static JsonArray logLines(JsonArray entries) {
    JsonArrayBuilder lines = Jsons.createArrayBuilder();
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
    return lines.build();
  }

  private static JsonObjectBuilder closedTrade(JsonObject trade) {
    JsonObjectBuilder item = Jsons.createObjectBuilder();
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

  private static BotPoll.Profit profit(ProfitSummary p) {
    return new BotPoll.Profit(
        p.closedProfit(),
        p.allProfit(),
        p.tradeCount(),
        p.closedTradeCount(),
        p.winningTrades(),
        p.losingTrades());
  }

  private static JsonArray trades(List<TradeView> trades) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    for (TradeView trade : trades) {
      JsonObjectBuilder item =
          Jsons.createObjectBuilder()
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
    return array.build();
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
