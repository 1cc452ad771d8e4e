package io.multibot.management.command;

import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A command as a client writes it. Which fields apply depends on the type: {@code forceenter} takes
 * pair (required), side, stakeAmount, price and orderType; {@code forceexit} takes tradeId (a
 * number or {@code "all"}, required) and amount (a partial exit); {@code blacklist_add} and {@code
 * blacklist_remove} take pairs (required). Unknown fields are refused.
 */
@Schema(
    description = "A command for one bot",
    example = "{\"type\": \"forceenter\", \"pair\": \"BTC/USDT\", \"stakeAmount\": 50}")
public record CommandRequest(
    @Schema(
            description =
                "start, stop, restart, pause, reload_config, forceenter, forceexit,"
                    + " blacklist_add or blacklist_remove",
            example = "start")
        String type,
    @Schema(description = "forceenter: the pair", example = "BTC/USDT") String pair,
    @Schema(description = "forceenter: long (default) or short") String side,
    @Schema(description = "forceenter: stake in the stake currency") Double stakeAmount,
    @Schema(description = "forceenter: limit price") Double price,
    @Schema(description = "forceenter: market or limit") String orderType,
    @Schema(description = "forceexit: a trade id, or \"all\"") JsonValue tradeId,
    @Schema(description = "forceexit: amount to exit (partial)") Double amount,
    @Schema(
            description = "blacklist_add, blacklist_remove: the pairs (1 to 100)",
            example = "[\"DOGE/USDT\"]")
        List<String> pairs,
    @Schema(
            description = "How long the command may wait to start (ISO-8601, at most PT1H)",
            example = "PT5M")
        String expiresIn) {

  /** No body: the path names the action ({@code /start}, {@code /commands/stop-all}). */
  public static CommandRequest none() {
    return new CommandRequest(null, null, null, null, null, null, null, null, null, null);
  }
}
