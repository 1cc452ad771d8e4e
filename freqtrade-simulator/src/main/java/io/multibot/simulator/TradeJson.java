package io.multibot.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Trades as freqtrade's API writes them: {@code TradeSchema} for every trade, and for open trades
 * the {@code OpenTradeSchema} additions ({@code current_rate}, total profit, stop-loss distances).
 */
final class TradeJson {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final TradingSettings settings;
  private final String exchange;
  private final String strategy;

  TradeJson(TradingSettings settings, String exchange, String strategy) {
    this.settings = settings;
    this.exchange = exchange;
    this.strategy = strategy;
  }

  /** A closed trade, or an open one valued at {@code currentRate}. */
  JsonObject write(Trade trade, double currentRate) {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    identity(json, trade);
    opening(json, trade);
    if (trade.isOpen()) {
      open(json, trade, currentRate);
    } else {
      closed(json, trade);
    }
    return json.build();
  }

  private void identity(JsonObjectBuilder json, Trade trade) {
    String[] currencies = trade.pair().split("/");
    json.add("trade_id", trade.id())
        .add("pair", trade.pair())
        .add("base_currency", currencies[0])
        .add("quote_currency", currencies.length > 1 ? currencies[1] : settings.stakeCurrency())
        .add("is_open", trade.isOpen())
        .add("is_short", false)
        .add("exchange", exchange)
        .add("strategy", strategy)
        .add("enter_tag", trade.enterTag())
        .add("timeframe", Timeframes.minutes(settings.timeframe()))
        .add("trading_mode", "spot")
        .add("leverage", 1.0)
        .add("has_open_orders", false)
        .add("orders", JsonValue.EMPTY_JSON_ARRAY);
  }

  private static void opening(JsonObjectBuilder json, Trade trade) {
    double fee = Market.round(trade.stake() * Trade.FEE);
    json.add("amount", trade.amount())
        .add("amount_requested", trade.amount())
        .add("stake_amount", trade.stake())
        .add("max_stake_amount", trade.stake())
        .add("open_date", DATE.format(trade.openDate()))
        .add("open_timestamp", trade.openDate().toEpochMilli())
        .add("open_fill_date", DATE.format(trade.openDate()))
        .add("open_fill_timestamp", trade.openDate().toEpochMilli())
        .add("open_rate", trade.openRate())
        .add("open_rate_requested", trade.openRate())
        .add("open_trade_value", trade.openTradeValue())
        .add("fee_open", Trade.FEE)
        .add("fee_open_cost", fee)
        .add("fee_close", Trade.FEE)
        .add("stop_loss_abs", trade.stopLossRate())
        .add("stop_loss_ratio", trade.stoploss())
        .add("stop_loss_pct", percent(trade.stoploss()))
        .add("initial_stop_loss_abs", trade.stopLossRate())
        .add("initial_stop_loss_ratio", trade.stoploss())
        .add("initial_stop_loss_pct", percent(trade.stoploss()))
        .add("min_rate", trade.minRate())
        .add("max_rate", trade.maxRate());
  }

  private static void closed(JsonObjectBuilder json, Trade trade) {
    double profit = trade.closeProfitAbs();
    double ratio = trade.profitRatio(trade.closeRate());
    Instant closed = trade.closeDate();
    json.add("close_date", DATE.format(closed))
        .add("close_timestamp", closed.toEpochMilli())
        .add("close_rate", trade.closeRate())
        .add("close_rate_requested", trade.closeRate())
        .add("close_profit", ratio)
        .add("close_profit_pct", percent(ratio))
        .add("close_profit_abs", profit)
        .add("profit_ratio", ratio)
        .add("profit_pct", percent(ratio))
        .add("profit_abs", profit)
        .add("profit_fiat", JsonValue.NULL)
        .add("realized_profit", profit)
        .add("realized_profit_ratio", ratio)
        .add("exit_reason", trade.exitReason())
        .add("exit_order_status", "closed");
  }

  private static void open(JsonObjectBuilder json, Trade trade, double rate) {
    double profit = trade.profitAbs(rate);
    double ratio = trade.profitRatio(rate);
    double toStop = Market.round(rate - trade.stopLossRate());
    json.add("close_date", JsonValue.NULL)
        .add("close_timestamp", JsonValue.NULL)
        .add("close_rate", JsonValue.NULL)
        .add("close_profit", JsonValue.NULL)
        .add("close_profit_abs", JsonValue.NULL)
        .add("profit_ratio", ratio)
        .add("profit_pct", percent(ratio))
        .add("profit_abs", profit)
        .add("profit_fiat", JsonValue.NULL)
        .add("realized_profit", 0.0)
        .add("exit_reason", JsonValue.NULL)
        .add("current_rate", rate)
        .add("total_profit_abs", profit)
        .add("total_profit_fiat", JsonValue.NULL)
        .add("total_profit_ratio", ratio)
        .add("stoploss_current_dist", toStop)
        .add("stoploss_current_dist_ratio", Market.round(toStop / rate))
        .add("stoploss_current_dist_pct", percent(toStop / rate))
        .add(
            "stoploss_entry_dist",
            Market.round(trade.amount() * (trade.stopLossRate() - trade.openRate())))
        .add("stoploss_entry_dist_ratio", trade.stoploss());
  }

  static double percent(double ratio) {
    return Math.round(ratio * 10_000) / 100.0;
  }
}
