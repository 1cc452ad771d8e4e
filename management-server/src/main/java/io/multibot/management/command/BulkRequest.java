package io.multibot.management.command;

import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A command for many bots: the command's fields as for one bot, and which bots — {@code bots} (ids
 * or names), {@code tags} (any of them), or {@code all}.
 */
@Schema(
    description = "A command for the selected bots",
    example = "{\"type\": \"stop\", \"selector\": {\"tags\": [\"binance\"]}}")
public record BulkRequest(
    String type,
    Selector selector,
    String pair,
    String side,
    Double stakeAmount,
    Double price,
    String orderType,
    JsonValue tradeId,
    Double amount,
    List<String> pairs,
    String expiresIn) {

  /** Which bots: exactly one of the three. */
  public record Selector(List<String> bots, List<String> tags, Boolean all) {}

  CommandRequest command() {
    return new CommandRequest(
        type, pair, side, stakeAmount, price, orderType, tradeId, amount, pairs, expiresIn);
  }
}
