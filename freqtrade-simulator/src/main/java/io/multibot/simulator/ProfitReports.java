package io.multibot.simulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The money answers: {@code /balance}, {@code /profit} and {@code /daily}. Closed profit is the sum
 * of the closed trades; the stake currency's balance is the starting wallet plus that closed
 * profit; the total adds what the open trades would make if they closed now.
 */
final class ProfitReports {

  private final Trader trader;
  private final Supplier<Instant> clock;
  private final Instant botStart;

  ProfitReports(Trader trader, Supplier<Instant> clock, Instant botStart) {
    this.trader = trader;
    this.clock = clock;
    this.botStart = botStart;
  }

  JsonObject balance() {
    synchronized (trader) {
      TradingSettings settings = trader.settings();
      double balance = Market.round(settings.wallet() + trader.closedProfit());
      double used = Market.round(balance - trader.free());
      double total = Market.round(balance + openProfit());
      JsonObject stake =
          Jsons.createObjectBuilder()
              .add("currency", settings.stakeCurrency())
              .add("free", trader.free())
              .add("balance", balance)
              .add("used", used)
              .add("bot_owned", balance)
              .add("est_stake", balance)
              .add("est_stake_bot", balance)
              .add("stake", settings.stakeCurrency())
              .add("side", "long")
              .add("is_position", false)
              .add("position", 0.0)
              .add("is_bot_managed", true)
              .build();
      double gain = Market.round(total - settings.wallet());
      return Jsons.createObjectBuilder()
          .add("currencies", Jsons.createArrayBuilder().add(stake))
          .add("total", total)
          .add("total_bot", total)
          .add("symbol", settings.stakeCurrency())
          .add("value", total)
          .add("value_bot", total)
          .add("stake", settings.stakeCurrency())
          .add("note", "Simulated balances - dry run")
          .add("starting_capital", settings.wallet())
          .add("starting_capital_ratio", Market.round(gain / settings.wallet()))
          .add("starting_capital_pct", TradeJson.percent(gain / settings.wallet()))
          .add("starting_capital_fiat", 0.0)
          .add("starting_capital_fiat_ratio", 0.0)
          .add("starting_capital_fiat_pct", 0.0)
          .build();
    }
  }

  private double openProfit() {
    return trader.openTrades().stream().mapToDouble(t -> t.profitAbs(trader.price(t.pair()))).sum();
  }

  JsonObject profit() {
    synchronized (trader) {
      List<Trade> all = trader.allTrades();
      List<Trade> closed = all.stream().filter(t -> !t.isOpen()).toList();
      double wallet = trader.settings().wallet();
      JsonObjectBuilder json = Jsons.createObjectBuilder();
      profitBlock(json, "profit_closed_", closed, wallet);
      profitBlock(json, "profit_all_", all, wallet);
      new ProfitStatistics(closed, wallet).write(json);
      tradeDates(json, all);
      return json.add("trade_count", all.size())
          .add("closed_trade_count", closed.size())
          .add("bot_start_timestamp", botStart.toEpochMilli())
          .add("bot_start_date", TradeJson.DATE.format(botStart))
          .build();
    }
  }

  private void profitBlock(
      JsonObjectBuilder json, String prefix, List<Trade> trades, double wallet) {
    double coin = Market.round(trades.stream().mapToDouble(this::profitAbs).sum());
    double ratioSum = Market.round(trades.stream().mapToDouble(this::profitRatio).sum());
    double ratioMean = trades.isEmpty() ? 0 : Market.round(ratioSum / trades.size());
    double ratio = Market.round(coin / wallet);
    json.add(prefix + "coin", coin)
        .add(prefix + "ratio_mean", ratioMean)
        .add(prefix + "percent_mean", TradeJson.percent(ratioMean))
        .add(prefix + "ratio_sum", ratioSum)
        .add(prefix + "percent_sum", TradeJson.percent(ratioSum))
        .add(prefix + "ratio", ratio)
        .add(prefix + "percent", TradeJson.percent(ratio))
        .add(prefix + "fiat", 0.0);
  }

  private double profitAbs(Trade trade) {
    return trade.isOpen() ? trade.profitAbs(trader.price(trade.pair())) : trade.closeProfitAbs();
  }

  private double profitRatio(Trade trade) {
    double rate = trade.isOpen() ? trader.price(trade.pair()) : trade.closeRate();
    return trade.profitRatio(rate);
  }

  private void tradeDates(JsonObjectBuilder json, List<Trade> all) {
    Instant first = all.isEmpty() ? null : all.get(0).openDate();
    Instant latest = all.isEmpty() ? null : all.get(all.size() - 1).openDate();
    json.add("first_trade_date", first == null ? "" : TradeJson.DATE.format(first))
        .add("first_trade_humanized", humanized(first))
        .add("first_trade_timestamp", first == null ? 0 : first.toEpochMilli())
        .add("latest_trade_date", latest == null ? "" : TradeJson.DATE.format(latest))
        .add("latest_trade_humanized", humanized(latest))
        .add("latest_trade_timestamp", latest == null ? 0 : latest.toEpochMilli());
  }

  private String humanized(Instant time) {
    if (time == null) {
      return "";
    }
    long minutes = Duration.between(time, clock.get()).toMinutes();
    return minutes < 60 ? minutes + " minutes ago" : minutes / 60 + " hours ago";
  }

  /**
   * Closed profit per UTC day, newest first; each day's starting balance is the current balance
   * minus the profit made since that day began.
   */
  JsonObject daily(int days) {
    synchronized (trader) {
      Map<LocalDate, List<Trade>> byDay =
          trader.allTrades().stream()
              .filter(t -> !t.isOpen())
              .collect(
                  Collectors.groupingBy(t -> LocalDate.ofInstant(t.closeDate(), ZoneOffset.UTC)));
      LocalDate today = LocalDate.ofInstant(clock.get(), ZoneOffset.UTC);
      double stake = trader.settings().wallet() + trader.closedProfit();
      JsonArrayBuilder data = Jsons.createArrayBuilder();
      for (int i = 0; i < days; i++) {
        LocalDate day = today.minusDays(i);
        List<Trade> trades = byDay.getOrDefault(day, List.of());
        double profit = Market.round(trades.stream().mapToDouble(Trade::closeProfitAbs).sum());
        stake = Market.round(stake - profit);
        data.add(
            Jsons.createObjectBuilder()
                .add("date", day.toString())
                .add("abs_profit", profit)
                .add("starting_balance", stake)
                .add("rel_profit", stake > 0 ? Market.round(profit / stake) : 0)
                .add("fiat_value", 0.0)
                .add("trade_count", trades.size()));
      }
      return Jsons.createObjectBuilder()
          .add("data", data)
          .add("fiat_display_currency", "")
          .add("stake_currency", trader.settings().stakeCurrency())
          .build();
    }
  }
}
