package io.multibot.management.status;

import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trades that closed at a loss since the previous report of a bot's latest closed trades (the
 * gateway's full polls read the 10 latest), as {@code trade.closed-with-loss} alerts carrying the
 * loss in percent of the stake (rules compare it with their {@code tradeLossPercent}).
 *
 * <p>Invariant: a trade is told about once. Only trades with an id above every id of the previous
 * report are new (freqtrade's ids only grow), and nothing is new without a previous report, so the
 * first report after registering a bot, or the same report redelivered, tells nothing. {@code
 * TradeLossesTest} checks these; more than 10 trades closing between two full polls are not all
 * seen.
 */
final class TradeLosses {

  private TradeLosses() {}

  static List<Alert> newLosses(
      JsonArray before, JsonArray now, String botId, String stakeCurrency, Instant at) {
    if (before == null || now == null) {
      return List.of();
    }
    long known = maxId(before);
    List<Alert> losses = new ArrayList<>();
    for (JsonObject trade : now.getValuesAs(JsonObject.class)) {
      long id = id(trade);
      if (id > known
          && trade.get("profit_ratio") instanceof JsonNumber ratio
          && ratio.doubleValue() < 0) {
        losses.add(alert(trade, id, ratio.doubleValue(), botId, stakeCurrency, at));
      }
    }
    return losses;
  }

  private static Alert alert(
      JsonObject trade, long id, double ratio, String botId, String currency, Instant at) {
    double percent = -ratio * 100;
    String money =
        trade.get("profit_abs") instanceof JsonNumber abs
            ? String.format(Locale.ROOT, " (%.2f %s)", abs.doubleValue(), currency)
            : "";
    return Alert.of(
        AlertType.TRADE_CLOSED_WITH_LOSS,
        botId,
        "trade " + id + " " + trade.getString("pair", "?"),
        String.format(Locale.ROOT, "closed at -%.2f %%", percent)
            + money
            + ", exit reason "
            + trade.getString("exit_reason", "unknown"),
        at,
        percent);
  }

  private static long maxId(JsonArray trades) {
    return trades.getValuesAs(JsonObject.class).stream()
        .mapToLong(TradeLosses::id)
        .max()
        .orElse(-1);
  }

  private static long id(JsonObject trade) {
    return trade.get("trade_id") instanceof JsonNumber n ? n.longValue() : -1;
  }
}
