package io.multibot.management.bot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Secrets as a client writes them: each optional; {@code ""} clears one. Never returned. */
@Schema(description = "Write-only secrets; responses only say which are set")
public record SecretsRequest(
    @Schema(writeOnly = true) String apiPassword,
    @Schema(writeOnly = true) String jwtSecretKey,
    @Schema(writeOnly = true) String exchangeKey,
    @Schema(writeOnly = true) String exchangeSecret,
    @Schema(writeOnly = true) String exchangePassword,
    @Schema(
            writeOnly = true,
            description =
                "Managed bots: freqtrade's Telegram bot token (with telegramChatId; both or"
                    + " neither)")
        String telegramToken,
    @Schema(writeOnly = true, description = "Managed bots: the Telegram chat freqtrade writes to")
        String telegramChatId,
    @Schema(
            writeOnly = true,
            description = "Managed bots: freqtrade's Discord webhook (an https URL)")
        String discordWebhookUrl) {

  /** The value sent for a secret, {@code null} when it was omitted. */
  String value(SecretName name) {
    return switch (name) {
      case API_PASSWORD -> apiPassword;
      case JWT_SECRET_KEY -> jwtSecretKey;
      case EXCHANGE_KEY -> exchangeKey;
      case EXCHANGE_SECRET -> exchangeSecret;
      case EXCHANGE_PASSWORD -> exchangePassword;
      case TELEGRAM_TOKEN -> telegramToken;
      case TELEGRAM_CHAT_ID -> telegramChatId;
      case DISCORD_WEBHOOK_URL -> discordWebhookUrl;
    };
  }

  /** Never show values, not even in logs or debuggers' toString. */
  @Override
  public String toString() {
    return "SecretsRequest[redacted]";
  }
}
