package io.multibot.management.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fleet's figures per stake currency, never added across currencies unless rates are
 * configured; then {@code total} is in {@code totalCurrency} and {@code ratesUsed} says which rates
 * made it (currencies without a rate are listed in {@code withoutRate} and left out). {@code
 * conversion} says in words which of the two it is.
 */
public record PortfolioView(
    String tag,
    List<CurrencyTotals> currencies,
    String conversion,
    String totalCurrency,
    Totals total,
    Map<String, BigDecimal> ratesUsed,
    List<String> withoutRate) {

  /** One stake currency's totals over the bots that reported figures. */
  public record CurrencyTotals(
      String stakeCurrency,
      int bots,
      int reporting,
      int openTrades,
      double profitClosed,
      double profitAll,
      double balance,
      int winningTrades,
      int losingTrades,
      Double winRate,
      BotFigure bestBot,
      BotFigure worstBot) {}

  /** A bot and its profit (all: closed plus open). */
  public record BotFigure(String botId, String botName, double profitAll) {}

  /** Sums converted into one currency. */
  public record Totals(double profitClosed, double profitAll, double balance) {}
}
