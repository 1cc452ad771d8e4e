package io.multibot.gateway.bot;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A {@code /forceenter} request: the pair, and optionally side, stake, limit price, order type and
 * entry tag (freqtrade's {@code ForceEnterPayload}).
 */
public record ForceEntry(
    String pair, String side, Double stakeAmount, Double price, String orderType, String entryTag) {

  public static ForceEntry market(String pair) {
    return new ForceEntry(pair, null, null, null, null, null);
  }

  JsonObject toJson() {
    JsonObjectBuilder json = Jsons.createObjectBuilder().add("pair", pair);
    if (side != null) {
      json.add("side", side);
    }
    if (stakeAmount != null) {
      json.add("stakeamount", stakeAmount);
    }
    if (price != null) {
      json.add("price", price);
    }
    if (orderType != null) {
      json.add("ordertype", orderType);
    }
    if (entryTag != null) {
      json.add("entry_tag", entryTag);
    }
    return json.build();
  }
}
