package io.multibot.management.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The management REST API, versioned under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Multibot management API",
            version = "1",
            description =
                "Bot registry, strategies, users and roles, audit log, commands, live status and"
                    + " portfolio for a fleet of freqtrade bots. Errors are"
                    + " application/problem+json (RFC 9457).",
            license = @License(name = "Proprietary")))
public class ManagementApplication extends Application {}
