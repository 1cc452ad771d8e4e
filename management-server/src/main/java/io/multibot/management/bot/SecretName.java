package io.multibot.management.bot;

/** The write-only secrets a bot can hold, by their JSON names. */
public enum SecretName {
  API_PASSWORD("apiPassword"),
  JWT_SECRET_KEY("jwtSecretKey"),
  EXCHANGE_KEY("exchangeKey"),
  EXCHANGE_SECRET("exchangeSecret"),
  EXCHANGE_PASSWORD("exchangePassword"),
  /** freqtrade's own Telegram notifications: the bot token (with {@link #TELEGRAM_CHAT_ID}). */
  TELEGRAM_TOKEN("telegramToken"),
  TELEGRAM_CHAT_ID("telegramChatId"),
  /** freqtrade's own Discord notifications: the webhook URL (it holds the webhook's token). */
  DISCORD_WEBHOOK_URL("discordWebhookUrl");

  private final String jsonName;

  SecretName(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
