package io.multibot.management.bot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.EnumMap;
import java.util.Map;

/** A bot's secrets, each encrypted by {@code SecretCipher}; plaintext never reaches this class. */
@Embeddable
public class BotSecrets {

  @Column(name = "api_password_enc", length = 4000)
  private String apiPassword;

  @Column(name = "jwt_secret_enc", length = 4000)
  private String jwtSecretKey;

  @Column(name = "exchange_key_enc", length = 4000)
  private String exchangeKey;

  @Column(name = "exchange_secret_enc", length = 4000)
  private String exchangeSecret;

  @Column(name = "exchange_password_enc", length = 4000)
  private String exchangePassword;

  @Column(name = "telegram_token_enc", length = 4000)
  private String telegramToken;

  @Column(name = "telegram_chat_id_enc", length = 4000)
  private String telegramChatId;

  @Column(name = "discord_webhook_enc", length = 4000)
  private String discordWebhookUrl;

  /** The encrypted value of a secret, or {@code null} when it is not set. */
  String encrypted(SecretName name) {
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

  /** Sets (or with {@code null} clears) a secret's encrypted value. */
  void put(SecretName name, String encrypted) {
    switch (name) {
      case API_PASSWORD -> apiPassword = encrypted;
      case JWT_SECRET_KEY -> jwtSecretKey = encrypted;
      case EXCHANGE_KEY -> exchangeKey = encrypted;
      case EXCHANGE_SECRET -> exchangeSecret = encrypted;
      case EXCHANGE_PASSWORD -> exchangePassword = encrypted;
      case TELEGRAM_TOKEN -> telegramToken = encrypted;
      case TELEGRAM_CHAT_ID -> telegramChatId = encrypted;
      case DISCORD_WEBHOOK_URL -> discordWebhookUrl = encrypted;
      default -> throw new IllegalArgumentException("unknown secret " + name);
    }
  }

  /** Which secrets are set, the only thing the API ever says about them. */
  Map<SecretName, Boolean> presence() {
    Map<SecretName, Boolean> presence = new EnumMap<>(SecretName.class);
    for (SecretName name : SecretName.values()) {
      presence.put(name, encrypted(name) != null);
    }
    return presence;
  }
}
