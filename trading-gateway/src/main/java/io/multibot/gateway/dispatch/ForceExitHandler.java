package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.json.Jsons;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import io.multibot.gateway.bot.TradeView;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * {@code forceexit}: a trade id or {@code all}, and optionally a partial amount. Before exiting a
 * second time it reads the trade: closed by a force exit means the exit happened (SUCCEEDED, never
 * a false FAILED); closed for another reason means this command did not close it (FAILED, saying
 * why); still open means a full exit did not happen yet. A partial exit of a trade still open
 * cannot be told from one that did not happen, so it is never sent twice: it ends UNKNOWN. Exiting
 * {@code all} is idempotent. Invariant: one force exit command exits at most once ({@code
 * RedeliveryIT} would catch a breach).
 */
final class ForceExitHandler implements CommandExecutor.Handler, EffectCheck {

  static final String FORCE_EXIT = "force_exit";

  private final FreqtradeClient client;

  ForceExitHandler(FreqtradeClient client) {
    this.client = client;
  }

  @Override
  public Finding check(CommandMessage command, BotEndpoint bot) {
    JsonObject params = ForceEnterHandler.parse(command.params());
    String tradeId = tradeId(params);
    if ("all".equals(tradeId) || !tradeId.chars().allMatch(Character::isDigit)) {
      return new Absent();
    }
    FreqtradeResult<TradeView> read = client.trade(bot, Integer.parseInt(tradeId));
    if (read instanceof FreqtradeResult.Refused<TradeView> refused && refused.status() == 404) {
      return new Settled(Outcome.failed("trade " + tradeId + " does not exist"));
    }
    if (!(read instanceof FreqtradeResult.Success<TradeView> found)) {
      return new Unchecked(read);
    }
    TradeView trade = found.value();
    if (!trade.open()) {
      return new Settled(closed(trade));
    }
    if (params.containsKey("amount")) {
      return new Settled(
          new Outcome(
              CommandStatus.UNKNOWN,
              "a partial exit of trade "
                  + tradeId
                  + " was interrupted; whether it was executed cannot be established, so it is not"
                  + " sent again: check the trade's orders",
              ResultDetails.of(trade)));
    }
    return new Absent();
  }

  private static Outcome closed(TradeView trade) {
    if (FORCE_EXIT.equals(trade.exitReason())) {
      return Outcome.succeeded(
          Jsons.createObjectBuilder()
              .add("trade_id", trade.tradeId())
              .add("open", false)
              .add("exit_reason", FORCE_EXIT)
              .add("message", "the trade was already closed by a force exit")
              .build()
              .toString());
    }
    return Outcome.failed(
        "trade "
            + trade.tradeId()
            + " was closed before this command ran (exit reason: "
            + trade.exitReason()
            + ")");
  }

  @Override
  public FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot) {
    JsonObject params = ForceEnterHandler.parse(command.params());
    return client.forceExit(bot, tradeId(params), ForceEnterHandler.number(params, "amount"));
  }

  private static String tradeId(JsonObject params) {
    return params.get("trade_id") instanceof JsonNumber number
        ? String.valueOf(number.longValue())
        : ((JsonString) params.get("trade_id")).getString();
  }
}
