package io.multibot.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The trade-centred answers: {@code /status}, {@code /trades}, {@code /trade/{id}}, {@code /count},
 * {@code /performance}, the pair lists and {@code /locks}. Each is built while the trader stands
 * still, so lists and counts agree.
 */
final class TradeReports {

  private final Trader trader;
  private final TradeJson json;
  private final Supplier<Instant> clock;

  TradeReports(Trader trader, TradeJson json, Supplier<Instant> clock) {
    this.trader = trader;
    this.json = json;
    this.clock = clock;
  }

  JsonArray status() {
    synchronized (trader) {
      JsonArrayBuilder open = Jsons.createArrayBuilder();
      trader.openTrades().forEach(t -> open.add(json.write(t, trader.price(t.pair()))));
      return open.build();
    }
  }

  /** Closed trades, newest first (or by id), a page of them and the total count. */
  JsonObject trades(int limit, int offset, boolean orderById) {
    synchronized (trader) {
      List<Trade> closed =
          trader.allTrades().stream()
              .filter(t -> !t.isOpen())
              .sorted(
                  orderById
                      ? Comparator.comparingInt(Trade::id)
                      : Comparator.comparing(Trade::closeDate).thenComparing(Trade::id).reversed())
              .toList();
      JsonArrayBuilder page = Jsons.createArrayBuilder();
      closed.stream().skip(offset).limit(limit).forEach(t -> page.add(json.write(t, 0)));
      JsonArray trades = page.build();
      return Jsons.createObjectBuilder()
          .add("trades", trades)
          .add("trades_count", trades.size())
          .add("offset", offset)
          .add("total_trades", closed.size())
          .build();
    }
  }

  JsonObject trade(int id) {
    synchronized (trader) {
      return trader.allTrades().stream()
          .filter(t -> t.id() == id)
          .findFirst()
          .map(t -> json.write(t, t.isOpen() ? trader.price(t.pair()) : 0))
          .orElseThrow(() -> new ApiError(404, detail("Trade not found.")));
    }
  }

  JsonObject count() {
    synchronized (trader) {
      List<Trade> open = trader.openTrades();
      return Jsons.createObjectBuilder()
          .add("current", open.size())
          .add("max", trader.maxOpenTrades())
          .add("total_stake", Market.round(open.stream().mapToDouble(Trade::stake).sum()))
          .build();
    }
  }

  /** Closed trades per pair, most profitable first. */
  JsonArray performance() {
    synchronized (trader) {
      Map<String, double[]> byPair = new TreeMap<>();
      for (Trade trade : trader.allTrades()) {
        if (!trade.isOpen()) {
          double[] sums = byPair.computeIfAbsent(trade.pair(), p -> new double[3]);
          sums[0] += trade.closeProfitAbs();
          sums[1] += trade.profitRatio(trade.closeRate());
          sums[2]++;
        }
      }
      JsonArrayBuilder answer = Jsons.createArrayBuilder();
      byPair.entrySet().stream()
          .sorted(
              Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0])
                  .reversed())
          .forEach(e -> answer.add(pairPerformance(e.getKey(), e.getValue())));
      return answer.build();
    }
  }

  private static JsonObject pairPerformance(String pair, double[] sums) {
    double ratio = Market.round(sums[1]);
    return Jsons.createObjectBuilder()
        .add("pair", pair)
        .add("profit", TradeJson.percent(ratio))
        .add("profit_ratio", ratio)
        .add("profit_pct", TradeJson.percent(ratio))
        .add("profit_abs", Market.round(sums[0]))
        .add("count", (int) sums[2])
        .build();
  }

  JsonObject whitelist() {
    List<String> pairs = trader.tradable();
    return Jsons.createObjectBuilder()
        .add("whitelist", Jsons.createArrayBuilder(pairs))
        .add("length", pairs.size())
        .add("method", Jsons.createArrayBuilder(List.of("StaticPairList")))
        .build();
  }

  JsonObject blacklist() {
    return blacklist(Map.of());
  }

  /** The blacklist, with what a change could not do ({@code pair -> message}). */
  JsonObject blacklist(Map<String, String> errors) {
    List<String> pairs = trader.blacklist();
    var errorJson = Jsons.createObjectBuilder();
    errors.forEach(
        (pair, message) ->
            errorJson.add(pair, Jsons.createObjectBuilder().add("error_msg", message)));
    return Jsons.createObjectBuilder()
        .add("blacklist", Jsons.createArrayBuilder(pairs))
        .add("blacklist_expanded", Jsons.createArrayBuilder(pairs))
        .add("errors", errorJson)
        .add("length", pairs.size())
        .add("method", Jsons.createArrayBuilder(List.of("StaticPairList")))
        .build();
  }

  /** Active locks only, as freqtrade's {@code /locks} lists them. */
  JsonObject locks() {
    Instant now = clock.get();
    JsonArrayBuilder active = Jsons.createArrayBuilder();
    List<Lock> locks = trader.locks().stream().filter(l -> l.activeAt(now)).toList();
    locks.forEach(lock -> active.add(lock(lock)));
    return Jsons.createObjectBuilder().add("lock_count", locks.size()).add("locks", active).build();
  }

  private static JsonObjectBuilder lock(Lock lock) {
    return Jsons.createObjectBuilder()
        .add("id", lock.id())
        .add("active", true)
        .add("lock_end_time", TradeJson.DATE.format(lock.until()))
        .add("lock_end_timestamp", lock.until().toEpochMilli())
        .add("lock_time", TradeJson.DATE.format(lock.from()))
        .add("lock_timestamp", lock.from().toEpochMilli())
        .add("pair", lock.pair())
        .add("side", lock.side())
        .add("reason", lock.reason());
  }

  static JsonObject detail(String text) {
    return Jsons.createObjectBuilder().add("detail", text).build();
  }
}
