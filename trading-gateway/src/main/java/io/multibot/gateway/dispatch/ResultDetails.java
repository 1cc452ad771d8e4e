package io.multibot.gateway.dispatch;

import io.multibot.common.json.Jsons;
import io.multibot.gateway.bot.BotConfig;
import io.multibot.gateway.bot.TradeView;
import jakarta.json.JsonObjectBuilder;

/**
 * What a successful command reports back, as JSON: the bot's confirmed state, a trade, a message.
 */
final class ResultDetails {

  private ResultDetails() {}

  static String of(Object value) {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    if (value instanceof BotConfig config) {
      json.add("state", config.state())
          .add("max_open_trades", config.maxOpenTrades())
          .add("api_version", config.apiVersion());
    } else if (value instanceof TradeView trade) {
      json.add("trade_id", trade.tradeId())
          .add("pair", trade.pair())
          .add("open", trade.open())
          .add("amount", trade.amount())
          .add("stake_amount", trade.stakeAmount())
          .add("open_rate", trade.openRate());
    } else if (value instanceof java.util.List<?> pairs) {
      json.add("blacklist", Jsons.createArrayBuilder(pairs));
    } else if (value != null) {
      json.add("message", value.toString());
    }
    return json.build().toString();
  }
}
