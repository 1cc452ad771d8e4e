package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/** {@code forceexit}: a trade id or {@code all}, and optionally a partial amount. */
final class ForceExitHandler implements CommandExecutor.Handler {

  private final FreqtradeClient client;

  ForceExitHandler(FreqtradeClient client) {
    this.client = client;
  }

  @Override
  public FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot, boolean redelivered) {
    JsonObject params = ForceEnterHandler.parse(command.params());
    String tradeId =
        params.get("trade_id") instanceof JsonNumber number
            ? String.valueOf(number.longValue())
            : ((JsonString) params.get("trade_id")).getString();
    return client.forceExit(bot, tradeId, ForceEnterHandler.number(params, "amount"));
  }
}
