package io.multibot.management.platform;

import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The management REST API, versioned under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "multibot")
@DeclareRoles({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN, Roles.PASSWORD_CHANGE})
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An access token from POST /api/v1/auth/login")
@SecurityRequirement(name = "bearer")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Multibot management API",
            version = "1",
            description =
                "Bot registry, strategies, users and roles, audit log, commands, live status and"
                    + " portfolio for a fleet of freqtrade bots. Errors are"
                    + " application/problem+json (RFC 9457).",
            license =
                @License(name = "Proprietary", identifier = "LicenseRef-Multibot-Proprietary")))
public class ManagementApplication extends Application {}
