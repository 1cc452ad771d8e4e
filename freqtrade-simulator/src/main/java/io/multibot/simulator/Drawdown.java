package io.multibot.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The largest fall of cumulative closed profit, peak to trough, as freqtrade's {@code /profit}
 * reports it: absolute, relative to the balance at the peak, and when it started and ended.
 */
record Drawdown(double abs, double ratio, Instant start, Instant end) {

  static Drawdown of(List<Trade> closed, double startingCapital) {
    List<Trade> byClose = closed.stream().sorted(Comparator.comparing(Trade::closeDate)).toList();
    double cumulative = 0;
    double peak = 0;
    Instant peakAt = null;
    Drawdown worst = new Drawdown(0, 0, null, null);
    for (Trade trade : byClose) {
      cumulative += trade.closeProfitAbs();
      if (cumulative > peak || peakAt == null) {
        peak = Math.max(peak, cumulative);
        peakAt = trade.closeDate();
      }
      double fall = peak - cumulative;
      if (fall > worst.abs()) {
        worst =
            new Drawdown(
                Market.round(fall),
                Market.round(fall / (startingCapital + peak)),
                peakAt,
                trade.closeDate());
      }
    }
    return worst;
  }
}
