package io.multibot.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dry run: a wallet in the stake currency, the trades the strategy rule opens and closes candle
 * by candle, forced entries and exits, and pair locks. Every figure the API reports is derived from
 * these trades, so they always agree with each other.
 */
final class Trader {

  private final TradingSettings settings;
  private final StrategyRule rule;
  private final Market market;
  private final Duration candle;
  private final Consumer<String> log;
  private final List<Trade> trades = new ArrayList<>();
  private final List<Lock> locks = new ArrayList<>();
  private final Map<String, Deque<Double>> recent = new HashMap<>();
  private Integer maxOpenTradesOverride;
  private Runnable changed = () -> {};
  private final List<String> blacklist;

  Trader(TradingSettings settings, StrategyRule rule, Market market, Consumer<String> log) {
    this.settings = settings;
    this.rule = rule;
    this.market = market;
    this.candle = Duration.ofMinutes(Timeframes.minutes(settings.timeframe()));
    this.log = log;
    this.blacklist = new ArrayList<>(settings.blacklist());
  }

  /** One candle: prices move, open trades may exit, then new trades may enter. */
  synchronized void step(Instant now, boolean entriesAllowed) {
    List<String> pairs = tradable();
    market.step(pairs);
    for (Trade trade : openTrades()) {
      double rate = market.price(trade.pair());
      trade.observe(rate);
      exitReason(trade, rate, now).ifPresent(reason -> close(trade, rate, now, reason));
    }
    for (String pair : pairs) {
      Deque<Double> window = recent.computeIfAbsent(pair, p -> new ArrayDeque<>());
      window.addLast(market.price(pair));
      if (window.size() > rule.lookback()) {
        window.removeFirst();
      }
      if (entriesAllowed && entrySignal(pair, window, now)) {
        open(pair, stakeForNextTrade(), market.price(pair), now, rule.entryTag());
      }
    }
  }

  private Optional<String> exitReason(Trade trade, double rate, Instant now) {
    if (trade.profitRatio(rate) >= rule.roi()) {
      return Optional.of("roi");
    }
    if (rate <= trade.stopLossRate()) {
      return Optional.of("stop_loss");
    }
    boolean heldTooLong =
        !now.isBefore(trade.openDate().plus(candle.multipliedBy(rule.maxCandles())));
    return heldTooLong ? Optional.of("exit_signal") : Optional.empty();
  }

  private boolean entrySignal(String pair, Deque<Double> window, Instant now) {
    if (window.size() < rule.lookback() || !canEnter(pair, now)) {
      return false;
    }
    double average = window.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return market.price(pair) < average * (1 - rule.dip())
        && free() >= stakeForNextTrade()
        && stakeForNextTrade() > 0;
  }

  private boolean canEnter(String pair, Instant now) {
    boolean locked = locks.stream().anyMatch(l -> l.pair().equals(pair) && l.activeAt(now));
    return !locked && openTrade(pair).isEmpty() && openTrades().size() < maxOpenTrades();
  }

  /**
   * The simulator's price shock: the pair's price moves now and its open trade sees the new rate
   * (its stop-loss, if crossed, closes it on the next candle, as a real stop would on the next
   * check).
   */
  synchronized double priceShock(String pair, double percent) {
    double rate = market.shock(pair, percent);
    openTrade(pair).ifPresent(trade -> trade.observe(rate));
    return rate;
  }

  /** {@code /forceenter}: a long trade now, at the market price unless a price is given. */
  synchronized Trade forceEnter(String pair, Double stake, Double price, String tag, Instant now) {
    if (!pair.endsWith("/" + settings.stakeCurrency())) {
      throw new RpcException(
          "Wrong pair selected. Only pairs with stake-currency "
              + settings.stakeCurrency()
              + " allowed.");
    }
    Optional<Trade> existing = openTrade(pair);
    if (existing.isPresent()) {
      throw new RpcException("position for " + pair + " already open - id: " + existing.get().id());
    }
    double amount = stake != null ? stake : stakeForNextTrade();
    if (amount <= 0 || amount > free()) {
      throw new RpcException("Error entering long trade for pair " + pair + ".");
    }
    double rate = price != null ? price : market.price(pair);
    return open(pair, amount, rate, now, tag != null ? tag : "force_entry");
  }

  /** {@code /forceexit} of one open trade, or of all with {@code "all"}. */
  synchronized String forceExit(String tradeId, Instant now) {
    if ("all".equals(tradeId)) {
      openTrades().forEach(t -> close(t, market.price(t.pair()), now, "force_exit"));
      return "Created exit orders for all open trades.";
    }
    Trade trade =
        openTrades().stream()
            .filter(t -> String.valueOf(t.id()).equals(tradeId))
            .findFirst()
            .orElseThrow(() -> new RpcException("invalid argument"));
    close(trade, market.price(trade.pair()), now, "force_exit");
    return "Created exit order for trade " + trade.id() + ".";
  }

  private Trade open(String pair, double stake, double rate, Instant now, String tag) {
    int id = trades.stream().mapToInt(Trade::id).max().orElse(0) + 1;
    Trade trade = new Trade(id, pair, stake, rate, now, new Trade.Entry(tag, rule.stoploss()));
    trades.add(trade);
    changed.run();
    log.accept("Enter LONG for " + pair + " at " + rate + " (trade " + trade.id() + ")");
    return trade;
  }

  private void close(Trade trade, double rate, Instant now, String reason) {
    trade.close(rate, now, reason);
    changed.run();
    log.accept(
        "Exit " + trade.pair() + " (trade " + trade.id() + ") at " + rate + ", reason " + reason);
    if ("stop_loss".equals(reason)) {
      locks.add(
          new Lock(
              locks.size() + 1,
              trade.pair(),
              "*",
              "Cooldown after stop-loss",
              now,
              now.plus(candle.multipliedBy(2))));
    }
  }

  private double stakeForNextTrade() {
    if (settings.stakeAmount() != null) {
      return settings.stakeAmount();
    }
    int slots = maxOpenTrades() - openTrades().size();
    return slots > 0 ? Market.round(free() / slots) : 0;
  }

  /** Stake currency not tied up in open trades: wallet plus closed profit minus open positions. */
  synchronized double free() {
    double committed = openTrades().stream().mapToDouble(Trade::openTradeValue).sum();
    return Market.round(settings.wallet() + closedProfit() - committed);
  }

  synchronized double closedProfit() {
    return Market.round(trades.stream().mapToDouble(Trade::closeProfitAbs).sum());
  }

  synchronized int maxOpenTrades() {
    if (maxOpenTradesOverride != null) {
      return maxOpenTradesOverride;
    }
    return settings.maxOpenTrades() < 0 ? tradable().size() : settings.maxOpenTrades();
  }

  /** freqtrade 2.40's {@code /stopentry}: no new entries until the config is reloaded. */
  synchronized void stopEntries() {
    maxOpenTradesOverride = 0;
  }

  synchronized void reloadConfig() {
    maxOpenTradesOverride = null;
  }

  synchronized List<Trade> openTrades() {
    return trades.stream().filter(Trade::isOpen).toList();
  }

  synchronized List<Trade> allTrades() {
    return List.copyOf(trades);
  }

  synchronized List<Lock> locks() {
    return List.copyOf(locks);
  }

  private Optional<Trade> openTrade(String pair) {
    return trades.stream().filter(t -> t.isOpen() && t.pair().equals(pair)).findFirst();
  }

  /** The pairs the bot trades: the whitelist without the blacklisted pairs. */
  synchronized List<String> tradable() {
    return settings.whitelist().stream().filter(pair -> !blacklist.contains(pair)).toList();
  }

  synchronized List<String> blacklist() {
    return List.copyOf(blacklist);
  }

  /**
   * freqtrade's {@code POST /blacklist}: adds each pair not there yet; the others are errors, as
   * freqtrade reports them ({@code pair -> message}).
   */
  synchronized Map<String, String> blacklistAdd(List<String> pairs) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    for (String pair : pairs) {
      if (blacklist.contains(pair)) {
        errors.put(pair, "Pair " + pair + " already in pairlist.");
      } else {
        blacklist.add(pair);
      }
    }
    return errors;
  }

  /** freqtrade's {@code DELETE /blacklist}: removes each pair there; the others are errors. */
  synchronized Map<String, String> blacklistRemove(List<String> pairs) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    for (String pair : pairs) {
      if (!blacklist.remove(pair)) {
        errors.put(pair, "Pair " + pair + " is not in the current blacklist.");
      }
    }
    return errors;
  }

  /** The trades a database kept, before anything else happens (ids go on after theirs). */
  synchronized void restore(List<Trade> kept) {
    trades.addAll(kept);
  }

  /** From now on every trade opened or closed is written to the database at once. */
  synchronized void keepIn(TradeDatabase database) {
    database.save(List.copyOf(trades));
    changed = () -> database.save(List.copyOf(trades));
  }

  double price(String pair) {
    return market.price(pair);
  }

  TradingSettings settings() {
    return settings;
  }
}
