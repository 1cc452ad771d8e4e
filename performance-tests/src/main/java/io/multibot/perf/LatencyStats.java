package io.multibot.perf;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one route, and its errors, in an HdrHistogram (1 µs to 10 min at three significant
 * digits): percentiles come from the histogram, not from our own arithmetic.
 */
public final class LatencyStats {

  private static final long HIGHEST_MICROS = 600_000_000L;

  private final Histogram micros = new Histogram(1, HIGHEST_MICROS, 3);
  private long errors;

  public synchronized void record(long latencyMicros, boolean ok) {
    micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, latencyMicros)));
    if (!ok) {
      errors++;
    }
  }

  /** This route's figures; {@code seconds} is the measured duration, for the throughput. */
  public synchronized Summary summary(String route, double seconds) {
    long count = micros.getTotalCount();
    return new Summary(
        route,
        count,
        errors,
        seconds > 0 ? count / seconds : 0,
        count == 0 ? 0 : micros.getMean() / 1000.0,
        percentile(50),
        percentile(90),
        percentile(95),
        percentile(99),
        count == 0 ? 0 : micros.getMaxValue() / 1000.0);
  }

  private double percentile(double p) {
    return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(p) / 1000.0;
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
