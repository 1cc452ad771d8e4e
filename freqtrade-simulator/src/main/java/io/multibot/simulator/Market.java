package io.multibot.simulator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * A seeded random walk per pair: candle by candle, each price is the last one moved by a small
 * normally distributed step. The same seed and pair always give the same prices, so a run can be
 * replayed and its figures checked.
 */
final class Market {

  /** About 0.6 % per candle: enough movement for trades to open and close within minutes. */
  private static final double VOLATILITY = 0.006;

  private final long seed;
  private final Map<String, Walk> walks = new HashMap<>();

  /** One pair's walk: its generator and its latest price. */
  private static final class Walk {
    private final Random random;
    private double price;

    Walk(Random random, double price) {
      this.random = random;
      this.price = price;
    }
  }

  Market(long seed) {
    this.seed = seed;
  }

  /** The current price of a pair (its first price before any step). */
  synchronized double price(String pair) {
    return walk(pair).price;
  }

  /** Moves every given pair one candle on. */
  synchronized void step(Iterable<String> pairs) {
    for (String pair : pairs) {
      Walk walk = walk(pair);
      walk.price = round(walk.price * Math.exp(VOLATILITY * walk.random.nextGaussian()));
    }
  }

  /**
   * Moves one pair's price at once by {@code percent} (a crash or a pump) and returns the new
   * price; the walk goes on from there.
   */
  synchronized double shock(String pair, double percent) {
    Walk walk = walk(pair);
    walk.price = round(walk.price * (1 + percent / 100));
    return walk.price;
  }

  private Walk walk(String pair) {
    return walks.computeIfAbsent(
        pair, p -> new Walk(new Random(seed ^ stableHash(p)), startingPrice(p)));
  }

  /** A plausible price to start from, different per base currency and the same on every run. */
  static double startingPrice(String pair) {
    String base = pair.substring(0, Math.max(0, pair.indexOf('/')));
    return switch (base) {
      case "BTC" -> 60_000;
      case "ETH" -> 3_000;
      case "BNB" -> 550;
      case "SOL" -> 150;
      default -> 0.5 + stableHash(base) % 20_000 / 100.0;
    };
  }

  static long stableHash(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  /** Prices with eight significant decimals at most, as exchanges quote them. */
  static double round(double value) {
    return Math.round(value * 1e8) / 1e8;
  }
}
