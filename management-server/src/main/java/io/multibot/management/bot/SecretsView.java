package io.multibot.management.bot;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which secrets a bot has; their values are never returned. */
@Schema(description = "Whether each secret is set")
public record SecretsView(
    boolean apiPassword,
    boolean jwtSecretKey,
    boolean exchangeKey,
    boolean exchangeSecret,
    boolean exchangePassword,
    boolean telegramToken,
    boolean telegramChatId,
    boolean discordWebhookUrl) {

  static SecretsView of(Map<SecretName, Boolean> presence) {
    return new SecretsView(
        presence.get(SecretName.API_PASSWORD),
        presence.get(SecretName.JWT_SECRET_KEY),
        presence.get(SecretName.EXCHANGE_KEY),
        presence.get(SecretName.EXCHANGE_SECRET),
        presence.get(SecretName.EXCHANGE_PASSWORD),
        presence.get(SecretName.TELEGRAM_TOKEN),
        presence.get(SecretName.TELEGRAM_CHAT_ID),
        presence.get(SecretName.DISCORD_WEBHOOK_URL));
  }
}
