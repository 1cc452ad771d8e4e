package io.multibot.gateway.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Our side of freqtrade's per-endpoint rate limits: a sliding-window budget per bot and route that
 * stays inside the limits freqtrade's newer {@code api_trading.py} sets ({@code /status} 20 a
 * minute, {@code /trades} 10, the other trading and control routes 5), and a pause for a route
 * after the bot answered 429. Routes without a limit are not counted.
 */
final class RateBudget {

  /** How many calls a window allows, and how long the window is. */
  record Limit(int calls, Duration window) {}

  static final Map<String, Limit> LIMITS = limits();
  private static final ThreadLocal<Boolean> BACKGROUND = new ThreadLocal<>();

  private final Clock clock;
  private final Map<String, Deque<Instant>> calls = new HashMap<>();
  private final Map<String, Instant> blockedUntil = new HashMap<>();

  RateBudget(Clock clock) {
    this.clock = clock;
  }

  private static Map<String, Limit> limits() {
    Limit fiveAMinute = new Limit(5, Duration.ofMinutes(1));
    Map<String, Limit> limits = new HashMap<>();
    limits.put("status", new Limit(20, Duration.ofMinutes(1)));
    limits.put("trades", new Limit(10, Duration.ofMinutes(1)));
    for (String route :
        new String[] {
          "count",
          "performance",
          "profit",
          "daily",
          "forceenter",
          "forceexit",
          "blacklist",
          "start",
          "stop",
          "pause",
          "stopentry",
          "reload_config"
        }) {
      limits.put(route, fiveAMinute);
    }
    return Map.copyOf(limits);
  }

  /** Takes one call from the budget, or says how long to wait; a refused call takes nothing. */
  synchronized Optional<Duration> take(String bot, String route) {
    String key = bot + " " + route;
    Instant now = clock.instant();
    Instant blocked = blockedUntil.get(key);
    if (blocked != null && now.isBefore(blocked)) {
      return Optional.of(Duration.between(now, blocked));
    }
    Limit limit = LIMITS.get(route);
    if (limit == null) {
      return Optional.empty();
    }
    Deque<Instant> window = calls.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!window.isEmpty() && !now.isBefore(window.peekFirst().plus(limit.window()))) {
      window.removeFirst();
    }
    if (window.size() >= allowed(limit)) {
      return Optional.of(Duration.between(now, window.peekFirst().plus(limit.window())));
    }
    window.addLast(now);
    return Optional.empty();
  }

  /**
   * Background reads (the status poller) leave a quarter of each window, at least one call, to
   * commands and the checks they make before acting a second time: a poller that spent the whole
   * {@code /status} budget once made a redelivered force entry unable to look for its trade.
   */
  private static int allowed(Limit limit) {
    return Boolean.TRUE.equals(BACKGROUND.get())
        ? limit.calls() - Math.max(1, limit.calls() / 4)
        : limit.calls();
  }

  /** Runs {@code reads} as background reads on this thread (see {@link #allowed}). */
  static <T> T inBackground(java.util.function.Supplier<T> reads) {
    BACKGROUND.set(true);
    try {
      return reads.get();
    } finally {
      BACKGROUND.remove();
    }
  }

  /** The bot said 429: no calls to this route until it allows them again. */
  synchronized void block(String bot, String route, Duration retryAfter) {
    blockedUntil.put(bot + " " + route, clock.instant().plus(retryAfter));
  }

  /** Drops what is kept for a bot that is no longer managed. */
  synchronized void forget(String bot) {
    calls.keySet().removeIf(key -> key.startsWith(bot + " "));
    blockedUntil.keySet().removeIf(key -> key.startsWith(bot + " "));
  }
}
