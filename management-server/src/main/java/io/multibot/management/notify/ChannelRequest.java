package io.multibot.management.notify;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification channel as an admin writes it. */
@Schema(
    description = "A notification channel to create or replace",
    example =
        "{\"name\": \"ops-slack\", \"type\": \"slack\","
            + " \"secrets\": {\"url\": \"https://hooks.slack.com/services/T000/B000/XXXX\"}}")
public record ChannelRequest(
    @Schema(description = "Unique; letters, digits, '.', '_' or '-'; cannot change") String name,
    @Schema(description = "webhook, slack, discord, teams, telegram or email") String type,
    @Schema(description = "Default true") Boolean enabled,
    @Schema(description = "Messages per minute at most (1-600, default 20); more wait their turn")
        Integer ratePerMinute,
    @Schema(description = "telegram: the chat to write to") String chatId,
    @Schema(description = "telegram: the Bot API address (default https://api.telegram.org)")
        String apiUrl,
    @Schema(description = "email: the SMTP server") String smtpHost,
    @Schema(description = "email: the SMTP port (default 587)") Integer smtpPort,
    @Schema(description = "email: starttls (default), tls or none") String smtpSecurity,
    @Schema(description = "email: the SMTP user; authentication is used when given")
        String smtpUsername,
    @Schema(description = "email: the sender address") String from,
    @Schema(description = "email: the recipients") List<String> to,
    ChannelSecrets secrets) {}
