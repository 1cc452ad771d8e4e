package io.multibot.gateway.bot;

import jakarta.json.JsonObject;

/** {@code /count}: open trades, the limit, and the stake they hold. */
public record TradeCount(int current, int max, double totalStake) {

  static TradeCount from(JsonObject json) {
    return new TradeCount(
        json.getInt("current"),
        json.getInt("max"),
        json.getJsonNumber("total_stake").doubleValue());
  }
}
