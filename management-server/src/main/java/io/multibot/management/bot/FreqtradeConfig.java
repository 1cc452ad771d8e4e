package io.multibot.management.bot;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * The freqtrade config a managed bot is launched with: the stored rest of the config, with the keys
 * Multibot keeps in columns written over it (dry run, stake, trades, timeframe, exchange name and
 * pair whitelist). Never holds secrets: they are refused in the stored config and travel apart.
 */
final class FreqtradeConfig {

  private FreqtradeConfig() {}

  static String of(BotSettings settings) {
    JsonObject extra = parse(settings.getExtraConfigJson()).asJsonObject();
    JsonObjectBuilder config = Jsons.createObjectBuilder(extra);
    config.add("dry_run", settings.isDryRun());
    config.add("stake_currency", settings.getStakeCurrency());
    config.add(
        "stake_amount",
        BotRules.UNLIMITED.equals(settings.getStakeAmount())
            ? Jsons.createValue(BotRules.UNLIMITED)
            : Jsons.createValue(new BigDecimal(settings.getStakeAmount())));
    config.add("max_open_trades", settings.getMaxOpenTrades());
    config.add("timeframe", settings.getTimeframe());
    JsonObjectBuilder exchange =
        extra.containsKey("exchange") && extra.get("exchange") instanceof JsonObject stored
            ? Jsons.createObjectBuilder(stored)
            : Jsons.createObjectBuilder();
    exchange.add("name", settings.getExchange());
    exchange.add("pair_whitelist", parse(settings.getPairWhitelistJson()));
    config.add("exchange", exchange);
    return config.build().toString();
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
