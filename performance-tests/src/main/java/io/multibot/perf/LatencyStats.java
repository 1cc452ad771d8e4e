package io.multibot.perf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one route, and its errors: percentiles by the nearest-rank method. */
public final class LatencyStats {

  private final List<Long> micros = new ArrayList<>();
  private long errors;

  public synchronized void record(long latencyMicros, boolean ok) {
    micros.add(latencyMicros);
    if (!ok) {
      errors++;
    }
  }

  /** This route's figures; {@code seconds} is the measured duration, for the throughput. */
  public synchronized Summary summary(String route, double seconds) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
    return new Summary(
        route,
        sorted.size(),
        errors,
        seconds > 0 ? sorted.size() / seconds : 0,
        mean,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
  }

  /**
   * The p-th percentile in milliseconds (nearest rank: the smallest value with p% at or below it).
   */
  static double percentile(List<Long> sortedMicros, double p) {
    if (sortedMicros.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedMicros.size());
    return sortedMicros.get(Math.max(0, rank - 1)) / 1000.0;
  }

  /** One route's figures; latencies in milliseconds. */
  public record Summary(
      String route,
      long requests,
      long errors,
      double perSecond,
      double meanMs,
      double p50Ms,
      double p90Ms,
      double p95Ms,
      double p99Ms,
      double maxMs) {}
}
