package io.multibot.gateway.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The trading-gateway's own small REST API under {@code /api/v1}, for operators and probes. Bot
 * commands do not arrive here: they come through Redis Streams.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Multibot trading-gateway API",
            version = "1",
            description =
                "Runs and supervises freqtrade bots for the commands it consumes from Redis"
                    + " Streams. Errors are application/problem+json (RFC 9457).",
            license =
                @License(name = "Proprietary", identifier = "LicenseRef-Multibot-Proprietary")))
public class GatewayApplication extends Application {}
