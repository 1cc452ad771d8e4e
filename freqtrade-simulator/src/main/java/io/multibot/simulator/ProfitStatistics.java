package io.multibot.simulator;

import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statistics part of {@code /profit} over closed trades: wins and losses, win rate, profit
 * factor, expectancy, best pair, average duration, drawdown and trading volume.
 */
final class ProfitStatistics {

  private final List<Trade> closed;
  private final double wallet;

  ProfitStatistics(List<Trade> closed, double wallet) {
    this.closed = closed;
    this.wallet = wallet;
  }

  void write(JsonObjectBuilder json) {
    List<Double> wins = profits(true);
    List<Double> losses = profits(false);
    double won = wins.stream().mapToDouble(Double::doubleValue).sum();
    double lost = -losses.stream().mapToDouble(Double::doubleValue).sum();
    int count = closed.size();
    double winrate = count == 0 ? 0 : (double) wins.size() / count;
    double averageWin = wins.isEmpty() ? 0 : won / wins.size();
    double averageLoss = losses.isEmpty() ? 0 : lost / losses.size();
    double expectancy = winrate * averageWin - (1 - winrate) * averageLoss;
    json.add("winning_trades", wins.size())
        .add("losing_trades", losses.size())
        .add("profit_factor", lost > 0 ? Market.round(won / lost) : 0)
        .add("winrate", Market.round(winrate))
        .add("expectancy", Market.round(expectancy))
        .add("expectancy_ratio", averageLoss > 0 ? Market.round(expectancy / averageLoss) : 100)
        .add("avg_duration", averageDuration())
        .add("trading_volume", tradingVolume());
    bestPair(json);
    drawdown(json);
  }

  private List<Double> profits(boolean winners) {
    return closed.stream().map(Trade::closeProfitAbs).filter(p -> winners ? p > 0 : p < 0).toList();
  }

  private String averageDuration() {
    long seconds =
        (long)
            closed.stream()
                .mapToLong(t -> Duration.between(t.openDate(), t.closeDate()).toSeconds())
                .average()
                .orElse(0);
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private double tradingVolume() {
    return Market.round(
        closed.stream().mapToDouble(t -> t.stake() + t.amount() * t.closeRate()).sum());
  }

  private void bestPair(JsonObjectBuilder json) {
    Map<String, Double> byPair =
        closed.stream()
            .collect(
                Collectors.groupingBy(
                    Trade::pair, Collectors.summingDouble(t -> t.profitRatio(t.closeRate()))));
    Map.Entry<String, Double> best =
        byPair.entrySet().stream()
            .max(Comparator.comparingDouble(Map.Entry::getValue))
            .orElse(null);
    double ratio = best == null ? 0 : Market.round(best.getValue());
    json.add("best_pair", best == null ? "" : best.getKey())
        .add("best_rate", TradeJson.percent(ratio))
        .add("best_pair_profit_ratio", ratio);
  }

  private void drawdown(JsonObjectBuilder json) {
    Drawdown drawdown = Drawdown.of(closed, wallet);
    json.add("max_drawdown", drawdown.ratio())
        .add("max_drawdown_abs", drawdown.abs())
        .add(
            "max_drawdown_start",
            drawdown.start() == null ? "" : TradeJson.DATE.format(drawdown.start()))
        .add(
            "max_drawdown_start_timestamp",
            drawdown.start() == null ? 0 : drawdown.start().toEpochMilli())
        .add(
            "max_drawdown_end", drawdown.end() == null ? "" : TradeJson.DATE.format(drawdown.end()))
        .add(
            "max_drawdown_end_timestamp",
            drawdown.end() == null ? 0 : drawdown.end().toEpochMilli());
  }
}
