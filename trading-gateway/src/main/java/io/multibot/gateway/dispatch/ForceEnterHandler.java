package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.ForceEntry;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import io.multibot.gateway.bot.TradeView;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * {@code forceenter}: the entry is tagged with the command id, so a redelivered command first looks
 * for an open trade with that tag and reports it instead of entering a second time.
 */
final class ForceEnterHandler implements CommandExecutor.Handler {

  private final FreqtradeClient client;

  ForceEnterHandler(FreqtradeClient client) {
    this.client = client;
  }

  static String tag(String commandId) {
    return "multibot:" + commandId;
  }

  @Override
  public FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot, boolean redelivered) {
    if (redelivered) {
      FreqtradeResult<List<TradeView>> open = client.openTrades(bot);
      if (!(open instanceof FreqtradeResult.Success<List<TradeView>> trades)) {
        return open;
      }
      Optional<TradeView> earlier =
          trades.value().stream().filter(t -> tag(command.id()).equals(t.enterTag())).findFirst();
      if (earlier.isPresent()) {
        return new FreqtradeResult.Success<>(earlier.get());
      }
    }
    JsonObject params = parse(command.params());
    ForceEntry entry =
        new ForceEntry(
            params.getString("pair"),
            params.getString("side", null),
            number(params, "stake_amount"),
            number(params, "price"),
            params.getString("order_type", null),
            tag(command.id()));
    return client.forceEnter(bot, entry);
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static Double number(JsonObject params, String key) {
    return params.get(key) instanceof JsonNumber number ? number.doubleValue() : null;
  }
}
