package io.multibot.simulator;

import java.time.Instant;

/**
 * One dry-run trade, long only (spot): opened at a rate with a stake, closed at a rate for a
 * reason. Fees are charged on both sides as the exchange would.
 */
final class Trade {

  static final double FEE = 0.001;

  private final int id;
  private final String pair;
  private final double stake;
  private final double amount;
  private final double openRate;
  private final Instant openDate;
  private final String enterTag;
  private final double stoploss;
  private double maxRate;
  private double minRate;
  private Double closeRate;
  private Instant closeDate;
  private String exitReason;

  Trade(int id, String pair, double stake, double openRate, Instant openDate, Entry entry) {
    this.id = id;
    this.pair = pair;
    this.stake = Market.round(stake);
    this.amount = Market.round(stake / openRate);
    this.openRate = openRate;
    this.openDate = openDate;
    this.enterTag = entry.tag();
    this.stoploss = entry.stoploss();
    this.maxRate = openRate;
    this.minRate = openRate;
  }

  /** Why and how a trade was entered: the entry tag and the stop-loss ratio (negative). */
  record Entry(String tag, double stoploss) {}

  void observe(double rate) {
    maxRate = Math.max(maxRate, rate);
    minRate = Math.min(minRate, rate);
  }

  void close(double rate, Instant date, String reason) {
    observe(rate);
    closeRate = rate;
    closeDate = date;
    exitReason = reason;
  }

  boolean isOpen() {
    return closeRate == null;
  }

  /** What entering cost: the stake plus the entry fee. */
  double openTradeValue() {
    return Market.round(stake * (1 + FEE));
  }

  /** Profit in stake currency if the trade closed at {@code rate}, after both fees. */
  double profitAbs(double rate) {
    return Market.round(amount * rate * (1 - FEE) - openTradeValue());
  }

  double profitRatio(double rate) {
    return Market.round(profitAbs(rate) / openTradeValue());
  }

  /** Closed profit; for an open trade, the profit at its last seen rate does not count here. */
  double closeProfitAbs() {
    return isOpen() ? 0 : profitAbs(closeRate);
  }

  double stopLossRate() {
    return Market.round(openRate * (1 + stoploss));
  }

  int id() {
    return id;
  }

  String pair() {
    return pair;
  }

  double stake() {
    return stake;
  }

  double amount() {
    return amount;
  }

  double openRate() {
    return openRate;
  }

  Instant openDate() {
    return openDate;
  }

  String enterTag() {
    return enterTag;
  }

  double stoploss() {
    return stoploss;
  }

  double maxRate() {
    return maxRate;
  }

  double minRate() {
    return minRate;
  }

  Double closeRate() {
    return closeRate;
  }

  Instant closeDate() {
    return closeDate;
  }

  String exitReason() {
    return exitReason;
  }
}
