package io.multibot.gateway.bot;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/** {@code /balance} in the stake currency: the total the bot holds and what it started with. */
public record BalanceSummary(String currency, double total, double startingCapital) {

  static BalanceSummary from(JsonObject json) {
    return new BalanceSummary(
        json.getString("stake", json.getString("symbol", "")),
        json.getJsonNumber("total").doubleValue(),
        json.get("starting_capital") instanceof JsonNumber start ? start.doubleValue() : 0);
  }
}
