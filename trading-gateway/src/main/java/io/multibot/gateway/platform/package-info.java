/**
 * What every feature of the trading-gateway stands on: its JAX-RS application and configuration.
 * Redis wiring and the shared health checks come from {@code io.multibot.common}.
 */
package io.multibot.gateway.platform;
