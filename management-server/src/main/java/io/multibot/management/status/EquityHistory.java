package io.multibot.management.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The portfolio's history: at the end of each step, the sum over bots of each bot's latest recorded
 * figures at that instant, per stake currency (never mixed). A bot counts from its first point on
 * and keeps its last figures while it reports nothing (offline or stopped, its money is still
 * there); a figure a point lacks is left out of that sum, not counted as zero. Points before the
 * range only seed each bot's figures at its start.
 *
 * <p>Invariant: the last point of a currency equals the sum of each of its bots' latest recorded
 * figures, so the chart's right end agrees with the bots' own history; {@code EquityHistoryTest}
 * checks it against sums computed by hand.
 */
public final class EquityHistory {

  /** One recorded point of one bot. */
  public record Sample(
      String botId, Instant at, Double profitClosed, Double profitAll, Double balance) {}

  /** A currency's figures at one instant. */
  @Schema(name = "EquityPoint", description = "Sums over the bots in one stake currency")
  public record Point(
      @Schema(required = true, example = "2026-12-04T10:00:00Z") String at,
      Double profitClosed,
      Double profitAll,
      Double balance,
      @Schema(description = "Bots that had reported by then", required = true) int bots) {}

  /** One currency's series, oldest first. */
  @Schema(name = "EquitySeries", description = "One stake currency's points, oldest first")
  public record Series(
      @Schema(required = true) String currency, @Schema(required = true) List<Point> points) {}

  private EquityHistory() {}

  /**
   * The series of each currency from {@code from} to {@code to}, a point every {@code step}.
   *
   * @param samples every bot's points up to {@code to}, in any order (those before {@code from}
   *     seed the start)
   * @param currencies each bot's stake currency; bots without one are left out
   */
  static List<Series> of(
      List<Sample> samples,
      Map<String, String> currencies,
      Instant from,
      Instant to,
      Duration step) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort((a, b) -> a.at().compareTo(b.at()));
    Map<String, Sample> latest = new HashMap<>();
    Map<String, List<Point>> series = new TreeMap<>();
    int next = 0;
    for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
      while (next < sorted.size() && !sorted.get(next).at().isAfter(at)) {
        Sample sample = sorted.get(next++);
        latest.put(sample.botId(), sample);
      }
      sums(latest, currencies, at)
          .forEach((c, p) -> series.computeIfAbsent(c, k -> new ArrayList<>()).add(p));
    }
    return series.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue())).toList();
  }

  private static Map<String, Point> sums(
      Map<String, Sample> latest, Map<String, String> currencies, Instant at) {
    Map<String, Sum> sums = new TreeMap<>();
    latest.forEach(
        (botId, sample) -> {
          String currency = currencies.get(botId);
          if (currency != null) {
            sums.computeIfAbsent(currency, c -> new Sum()).add(sample);
          }
        });
    Map<String, Point> points = new TreeMap<>();
    sums.forEach((currency, sum) -> points.put(currency, sum.point(at)));
    return points;
  }

  /** Running sums; a figure no bot had stays null. */
  private static final class Sum {
    private Double closed;
    private Double all;
    private Double balance;
    private int bots;

    void add(Sample sample) {
      closed = plus(closed, sample.profitClosed());
      all = plus(all, sample.profitAll());
      balance = plus(balance, sample.balance());
      bots++;
    }

    Point point(Instant at) {
      return new Point(at.toString(), closed, all, balance, bots);
    }

    private static Double plus(Double sum, Double value) {
      if (value == null) {
        return sum;
      }
      return sum == null ? value : sum + value;
    }
  }
}
