package io.multibot.gateway.bot;

import java.time.Duration;

/**
 * How the gateway talks to bots: connect and read timeouts, the circuit breaker (consecutive
 * failures before it opens, how long it stays open), the bulkhead (calls in flight per bot) and
 * whether the client-side rate budget applies.
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int failureThreshold,
    Duration openFor,
    int maxConcurrentCalls,
    boolean rateBudget) {

  /** The defaults of {@code META-INF/microprofile-config.properties}. */
  public static ClientSettings defaults() {
    return new ClientSettings(
        Duration.ofSeconds(2), Duration.ofSeconds(10), 5, Duration.ofSeconds(30), 4, true);
  }
}
