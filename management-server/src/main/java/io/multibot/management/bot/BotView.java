package io.multibot.management.bot;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bot as the API shows it: everything but secret values. */
@Schema(description = "A registered bot")
public record BotView(
    String id,
    String name,
    String description,
    List<String> tags,
    StrategyRef strategy,
    String exchange,
    String stakeCurrency,
    @Schema(description = "A number, or \"unlimited\"") JsonValue stakeAmount,
    int maxOpenTrades,
    String timeframe,
    boolean dryRun,
    List<String> pairWhitelist,
    JsonObject config,
    String runMode,
    String restartPolicy,
    String apiUrl,
    String apiUsername,
    SecretsView secrets,
    String desiredState,
    String lastKnownState,
    Instant createdAt,
    Instant updatedAt) {

  static BotView of(Bot bot) {
    BotSettings settings = bot.getSettings();
    return new BotView(
        bot.getId(),
        bot.getName(),
        bot.getDescription(),
        List.copyOf(bot.getTags()),
        settings.getStrategy(),
        settings.getExchange(),
        settings.getStakeCurrency(),
        stakeAmount(settings.getStakeAmount()),
        settings.getMaxOpenTrades(),
        settings.getTimeframe(),
        settings.isDryRun(),
        parse(settings.getPairWhitelistJson()).asJsonArray().getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList(),
        parse(settings.getExtraConfigJson()).asJsonObject(),
        bot.getRunMode().name().toLowerCase(Locale.ROOT),
        bot.getRestartPolicy(),
        bot.getApiUrl(),
        bot.getApiUsername(),
        SecretsView.of(bot.getSecrets().presence()),
        bot.getDesiredState().name().toLowerCase(Locale.ROOT),
        bot.getLastKnownState().name().toLowerCase(Locale.ROOT),
        bot.getCreatedAt(),
        bot.getUpdatedAt());
  }

  private static JsonValue stakeAmount(String stored) {
    return BotRules.UNLIMITED.equals(stored)
        ? Jsons.createValue(stored)
        : Jsons.createValue(new BigDecimal(stored));
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
