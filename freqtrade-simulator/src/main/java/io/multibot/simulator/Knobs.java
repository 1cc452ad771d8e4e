package io.multibot.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * The simulator's own settings, the {@code simulator} section of the config (or {@code
 * FREQTRADE__SIMULATOR__*} variables). The market settings shape the simulated dry run; the fault
 * settings, all off by default, make the bot misbehave the ways real bots do, for tests.
 *
 * @param seed seeds the price walk; the same seed gives the same prices, trades and figures
 * @param tickMillis real time between two simulated candles
 * @param historyCandles candles replayed at start as if the bot had traded before (its database)
 * @param latencyMillis added to every answer but {@code /ping}
 * @param errorRate the share of API calls (but {@code /ping}) answered with a 500
 * @param rateLimits whether freqtrade's newer per-endpoint rate limits apply (429)
 * @param hangRoutes routes (such as {@code show_config}) whose requests never get an answer
 * @param exitOnRoute a route whose first request makes the process exit at once, mid-call
 * @param apiVersion the {@code api_version} to behave as: up to 2.40 there is no {@code /pause} and
 *     {@code /stopentry} only blocks entries
 * @param tokenRoutes whether {@code /token/login} and {@code /token/refresh} are served
 * @param bots how many independent bots the process serves: bot {@code k} at {@code
 *     /bots/k/api/v1/...} with its own state, trades and market ({@code seed + k}); {@code /api/v1}
 *     is bot 0. One process standing in for a fleet, for benchmarks
 * @param controlRoutes whether the simulator's own routes under {@code /_simulator/} are served
 *     (signed in like the API): {@code POST /_simulator/price_shock} moves one pair's price at
 *     once, so a test can make a bot lose money on demand. Not part of freqtrade's API; off by
 *     default
 */
record Knobs(
    long seed,
    long tickMillis,
    int historyCandles,
    long latencyMillis,
    double errorRate,
    boolean rateLimits,
    List<String> hangRoutes,
    String exitOnRoute,
    double apiVersion,
    boolean tokenRoutes,
    int bots,
    boolean controlRoutes) {

  /** The most bots one process serves. */
  static final int MAX_BOTS = 5_000;

  static Knobs of(JsonObject section, String botName) {
    return new Knobs(
        number(section, "seed", botName.hashCode()).longValue(),
        number(section, "tick_ms", 5_000).longValue(),
        number(section, "history_candles", 288).intValue(),
        number(section, "latency_ms", 0).longValue(),
        number(section, "error_rate", 0).doubleValue(),
        section.getBoolean("rate_limits", false),
        section.get("hang_routes") instanceof JsonArray routes
            ? routes.getValuesAs(JsonString::getString)
            : List.of(),
        section.get("exit_on_route") instanceof JsonString route ? route.getString() : "",
        number(section, "api_version", 2.42).doubleValue(),
        section.getBoolean("token_routes", true),
        bots(number(section, "bots", 1).intValue()),
        section.getBoolean("control_routes", false));
  }

  private static int bots(int bots) {
    if (bots < 1 || bots > MAX_BOTS) {
      throw new IllegalArgumentException(
          "simulator.bots must be between 1 and " + MAX_BOTS + ", not " + bots);
    }
    return bots;
  }

  private static Number number(JsonObject section, String key, Number fallback) {
    if (section.get(key) instanceof JsonNumber value) {
      return value.isIntegral() ? value.longValue() : value.doubleValue();
    }
    if (section.get(key) instanceof JsonString text) {
      return Double.parseDouble(text.getString());
    }
    return fallback;
  }
}
