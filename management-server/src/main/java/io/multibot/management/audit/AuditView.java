package io.multibot.management.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as the API shows it. */
@Schema(description = "An audited request")
public record AuditView(
    long id,
    Instant occurredAt,
    @Schema(description = "Who; empty for anonymous requests such as a failed login")
        String username,
    @Schema(description = "Their highest role at the time") String role,
    String clientAddress,
    @Schema(example = "bot.update") String action,
    @Schema(example = "/api/v1/bots/btc-1") String target,
    @Schema(description = "The HTTP status of the answer", example = "200") int outcome,
    @Schema(description = "The request body with secrets replaced by ***, shortened")
        String summary) {}
