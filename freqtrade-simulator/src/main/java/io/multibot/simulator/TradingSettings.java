package io.multibot.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.util.List;

/**
 * The config keys the dry run trades by: stake currency and amount ({@code null} for freqtrade's
 * {@code "unlimited"}), the open-trade limit, the starting wallet and the pairs.
 */
record TradingSettings(
    String stakeCurrency,
    Double stakeAmount,
    int maxOpenTrades,
    double wallet,
    String timeframe,
    List<String> whitelist,
    List<String> blacklist) {

  static TradingSettings of(SimulatorConfig config) {
    String stake = config.text("stake_currency", "USDT");
    return new TradingSettings(
        stake,
        config.json().get("stake_amount") instanceof JsonNumber amount
            ? amount.doubleValue()
            : null,
        (int) config.number("max_open_trades", 3),
        config.number("dry_run_wallet", 1000),
        config.text("timeframe", "5m"),
        pairs(config, "pair_whitelist", List.of("BTC/" + stake, "ETH/" + stake, "SOL/" + stake)),
        pairs(config, "pair_blacklist", List.of()));
  }

  private static List<String> pairs(SimulatorConfig config, String key, List<String> fallback) {
    return config.section("exchange").get(key) instanceof JsonArray list
        ? list.getValuesAs(JsonString::getString)
        : fallback;
  }
}
