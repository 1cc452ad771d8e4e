package io.multibot.common.command;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a gateway needs to launch a managed bot: its stored freqtrade config (never with secrets in
 * it), the strategy it runs and that strategy's source, its restart policy, and its secrets: the
 * exchange's by freqtrade's key names ({@code key}, {@code secret}, {@code password}) and those of
 * freqtrade's own notifications ({@link #TELEGRAM_TOKEN}, {@link #TELEGRAM_CHAT_ID}, {@link
 * #DISCORD_WEBHOOK_URL}; a gateway that does not know a name ignores it). Travels on the stream
 * encrypted as a whole ({@code StreamSecurity.encrypt}), because of the secrets.
 */
public record LaunchSpec(
    String botId,
    String botName,
    String config,
    String strategyName,
    String strategySource,
    String restartPolicy,
    Map<String, String> exchangeSecrets) {

  /** freqtrade's {@code telegram.token}. */
  public static final String TELEGRAM_TOKEN = "telegram_token";

  /** freqtrade's {@code telegram.chat_id}. */
  public static final String TELEGRAM_CHAT_ID = "telegram_chat_id";

  /** freqtrade's {@code discord.webhook_url}. */
  public static final String DISCORD_WEBHOOK_URL = "discord_webhook_url";

  public LaunchSpec {
    exchangeSecrets = Map.copyOf(exchangeSecrets);
  }

  public String toJson() {
    JsonObjectBuilder secrets = Jsons.createObjectBuilder();
    new TreeMap<>(exchangeSecrets).forEach(secrets::add);
    return Jsons.createObjectBuilder()
        .add("bot_id", botId)
        .add("bot_name", botName)
        .add("config", config)
        .add("strategy", strategyName)
        .add("strategy_source", strategySource)
        .add("restart_policy", restartPolicy)
        .add("exchange_secrets", secrets)
        .build()
        .toString();
  }

  /** The spec in this JSON, or empty when it is not one. */
  public static Optional<LaunchSpec> fromJson(String json) {
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      Map<String, String> secrets = new TreeMap<>();
      object
          .getJsonObject("exchange_secrets")
          .forEach((name, value) -> secrets.put(name, ((JsonString) value).getString()));
      return Optional.of(
          new LaunchSpec(
              object.getString("bot_id"),
              object.getString("bot_name"),
              object.getString("config"),
              object.getString("strategy"),
              object.getString("strategy_source"),
              object.getString("restart_policy"),
              secrets));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "LaunchSpec["
        + botId
        + ", "
        + botName
        + ", strategy="
        + strategyName
        + ", restart="
        + restartPolicy
        + ", secrets="
        + new java.util.TreeSet<>(exchangeSecrets.keySet())
        + "]";
  }
}
