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
    boolean rateBudget) {}
