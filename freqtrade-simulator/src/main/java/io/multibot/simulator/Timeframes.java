package io.multibot.simulator;

/**
 * freqtrade timeframe strings ({@code 5m}, {@code 1h}, {@code 1d}, {@code 1w}, {@code 1M}) in
 * minutes.
 */
final class Timeframes {

  private Timeframes() {}

  static long minutes(String timeframe) {
    long amount = Long.parseLong(timeframe.substring(0, timeframe.length() - 1));
    return switch (timeframe.charAt(timeframe.length() - 1)) {
      case 's' -> Math.max(1, amount / 60);
      case 'm' -> amount;
      case 'h' -> amount * 60;
      case 'd' -> amount * 60 * 24;
      case 'w' -> amount * 60 * 24 * 7;
      case 'M' -> amount * 60 * 24 * 30;
      default -> throw new IllegalArgumentException("unknown timeframe " + timeframe);
    };
  }
}
