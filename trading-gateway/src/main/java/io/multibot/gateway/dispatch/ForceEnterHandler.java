package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.json.Jsons;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.ForceEntry;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import io.multibot.gateway.bot.TradeView;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * {@code forceenter}: the entry is tagged with the command id. Before entering a second time (a
 * redelivery or a recovery), the command looks for a trade with its tag among the open trades and
 * the latest closed ones: a trade closed meanwhile by ROI, a stop-loss or a person still proves the
 * entry happened. Invariant: one force entry command opens at most one trade ({@code RedeliveryIT}
 * and {@code CommandFaultsIT} would catch a breach).
 */
final class ForceEnterHandler implements CommandExecutor.Handler, EffectCheck {

  /** How many of the latest closed trades are searched for the tag. */
  static final int CLOSED_TRADES_SEARCHED = 500;

  private final FreqtradeClient client;

  ForceEnterHandler(FreqtradeClient client) {
    this.client = client;
  }

  static String tag(String commandId) {
    return "multibot:" + commandId;
  }

  @Override
  public Finding check(CommandMessage command, BotEndpoint bot) {
    String tag = tag(command.id());
    FreqtradeResult<List<TradeView>> open = client.openTrades(bot);
    if (!(open instanceof FreqtradeResult.Success<List<TradeView>> trades)) {
      return new Unchecked(open);
    }
    Optional<TradeView> earlier =
        trades.value().stream().filter(t -> tag.equals(t.enterTag())).findFirst();
    if (earlier.isPresent()) {
      return new Settled(Outcome.succeeded(ResultDetails.of(earlier.get())));
    }
    FreqtradeResult<JsonObject> closed = client.closedTrades(bot, CLOSED_TRADES_SEARCHED, 0);
    if (!(closed instanceof FreqtradeResult.Success<JsonObject> page)) {
      return new Unchecked(closed);
    }
    return closedWithTag(page.value(), tag)
        .<Finding>map(
            trade ->
                new Settled(
                    Outcome.succeeded(
                        Jsons.createObjectBuilder()
                            .add("trade_id", trade.getInt("trade_id"))
                            .add("pair", trade.getString("pair", ""))
                            .add("open", false)
                            .add("exit_reason", text(trade, "exit_reason"))
                            .build()
                            .toString())))
        .orElseGet(Absent::new);
  }

  static Optional<JsonObject> closedWithTag(JsonObject page, String tag) {
    if (!(page.get("trades") instanceof jakarta.json.JsonArray trades)) {
      return Optional.empty();
    }
    return trades.stream()
        .filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
        .map(JsonValue::asJsonObject)
        .filter(trade -> tag.equals(text(trade, "enter_tag")))
        .findFirst();
  }

  private static String text(JsonObject json, String key) {
    return json.get(key) instanceof JsonString text ? text.getString() : "";
  }

  @Override
  public FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot) {
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
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static Double number(JsonObject params, String key) {
    return params.get(key) instanceof JsonNumber number ? number.doubleValue() : null;
  }
}
