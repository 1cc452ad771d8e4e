package io.multibot.gateway.bot;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * One trade as the gateway reports it: identity, position and profit (current for open trades,
 * realized for closed ones).
 */
public record TradeView(
    int tradeId,
    String pair,
    boolean open,
    double amount,
    double stakeAmount,
    double openRate,
    Double currentRate,
    Double profitAbs,
    Double profitRatio,
    String exitReason,
    String enterTag) {

  static TradeView from(JsonObject json) {
    return new TradeView(
        json.getInt("trade_id"),
        json.getString("pair"),
        json.getBoolean("is_open"),
        json.getJsonNumber("amount").doubleValue(),
        json.getJsonNumber("stake_amount").doubleValue(),
        json.getJsonNumber("open_rate").doubleValue(),
        number(json, "current_rate"),
        number(json, "profit_abs"),
        number(json, "profit_ratio"),
        text(json, "exit_reason"),
        text(json, "enter_tag"));
  }

  private static String text(JsonObject json, String key) {
    return json.get(key) instanceof JsonString text ? text.getString() : null;
  }

  private static Double number(JsonObject json, String key) {
    return json.get(key) instanceof JsonNumber number ? number.doubleValue() : null;
  }
}
