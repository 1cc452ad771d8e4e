package io.multibot.simulator;

/**
 * The simulated strategy: buy a dip below the recent average, sell at a profit target, at the
 * stop-loss, or when the trade has been held too long. Its parameters come from the strategy's
 * name, so two bots with different strategies trade differently, and the same strategy always
 * trades the same way.
 *
 * @param lookback how many candles the average covers
 * @param dip how far below the average (a ratio) the price must be to enter
 * @param roi the profit ratio at which a trade exits with reason {@code roi}
 * @param stoploss the loss ratio (negative) at which a trade exits with reason {@code stop_loss}
 * @param maxCandles after this many candles a trade exits with reason {@code exit_signal}
 */
record StrategyRule(int lookback, double dip, double roi, double stoploss, int maxCandles) {

  /** The stop-loss when the config names none. */
  static final double DEFAULT_STOPLOSS = -0.05;

  static StrategyRule of(String strategy, double stoploss) {
    long hash = Market.stableHash(strategy);
    return new StrategyRule(
        4 + (int) (hash % 4),
        0.003 + (hash / 4 % 3) * 0.001,
        0.01 + (hash / 12 % 3) * 0.005,
        stoploss,
        12 + (int) (hash / 36 % 12));
  }

  /** The entry tag freqtrade would record for this rule's entries. */
  String entryTag() {
    return "dip_" + lookback;
  }
}
