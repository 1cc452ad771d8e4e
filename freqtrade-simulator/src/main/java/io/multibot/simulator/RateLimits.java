package io.multibot.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * freqtrade's newer per-endpoint rate limits ({@code RateLimiter(max_calls, time_seconds)} in
 * {@code api_trading.py}), per client address and route, over a sliding window. The reference does
 * not say which status freqtrade answers with; the simulator answers 429 with {@code Retry-After}.
 */
final class RateLimits {

  /** How many calls a window allows, and how long the window is. */
  record Limit(int calls, Duration window) {}

  private static final Limit FIVE_A_MINUTE = new Limit(5, Duration.ofSeconds(60));
  static final Map<String, Limit> LIMITS = limits();

  private final Map<String, Deque<Long>> calls = new HashMap<>();

  private static Map<String, Limit> limits() {
    Map<String, Limit> limits = new HashMap<>();
    limits.put("status", new Limit(20, Duration.ofSeconds(60)));
    limits.put("trades", new Limit(10, Duration.ofSeconds(60)));
    for (String route :
        new String[] {
          "count",
          "performance",
          "profit",
          "daily",
          "forceenter",
          "forceexit",
          "start",
          "stop",
          "pause",
          "stopentry",
          "stopbuy",
          "reload_config"
        }) {
      limits.put(route, FIVE_A_MINUTE);
    }
    return Map.copyOf(limits);
  }

  /**
   * Counts a call; if the window is full, how long until it has room again (the call is not
   * counted).
   */
  synchronized Optional<Duration> admit(String client, String route, long nowNanos) {
    Limit limit = LIMITS.get(route);
    if (limit == null) {
      return Optional.empty();
    }
    Deque<Long> window = calls.computeIfAbsent(client + " " + route, k -> new ArrayDeque<>());
    long windowNanos = limit.window().toNanos();
    while (!window.isEmpty() && nowNanos - window.peekFirst() >= windowNanos) {
      window.removeFirst();
    }
    if (window.size() >= limit.calls()) {
      return Optional.of(Duration.ofNanos(windowNanos - (nowNanos - window.peekFirst())));
    }
    window.addLast(nowNanos);
    return Optional.empty();
  }
}
