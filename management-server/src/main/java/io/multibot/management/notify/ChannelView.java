package io.multibot.management.notify;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification channel as the API shows it: its secrets only by name. */
public record ChannelView(
    String name,
    String type,
    boolean enabled,
    int ratePerMinute,
    @Schema(description = "Where messages go, without tokens: a URL's scheme and host, the chat")
        String target,
    String chatId,
    String apiUrl,
    String smtpHost,
    Integer smtpPort,
    String smtpSecurity,
    String smtpUsername,
    String from,
    List<String> to,
    @Schema(description = "The secret fields that hold a value") List<String> secretsSet,
    @Schema(
            description =
                "False when the secrets were encrypted under a key this server does not hold:"
                    + " its messages fail until they are written again")
        boolean secretsReadable,
    Instant createdAt,
    Instant updatedAt) {}
