package io.multibot.gateway.bot;

import jakarta.json.JsonObject;

/**
 * The part of {@code /profit} the gateway reports: closed and all (closed plus open) profit in the
 * stake currency, trade counts and the win/loss split.
 */
public record ProfitSummary(
    double closedProfit,
    double allProfit,
    int tradeCount,
    int closedTradeCount,
    int winningTrades,
    int losingTrades) {

  static ProfitSummary from(JsonObject json) {
    return new ProfitSummary(
        json.getJsonNumber("profit_closed_coin").doubleValue(),
        json.getJsonNumber("profit_all_coin").doubleValue(),
        json.getInt("trade_count"),
        json.getInt("closed_trade_count"),
        json.getInt("winning_trades", 0),
        json.getInt("losing_trades", 0));
  }
}
