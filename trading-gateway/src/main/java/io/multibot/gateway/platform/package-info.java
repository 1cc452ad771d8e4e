/**
 * The trading-gateway's composition root: its settings ({@link
 * io.multibot.gateway.platform.GatewayConfig}, every default in {@code
 * META-INF/microprofile-config.properties}), the wiring that builds and starts the features ({@link
 * io.multibot.gateway.platform.GatewayLifecycle}, the client producer) and its JAX-RS application.
 * The features do not depend on it; Redis wiring and the shared health checks come from {@code
 * io.multibot.common}.
 */
package io.multibot.gateway.platform;
