package io.multibot.management.risk;

import io.multibot.management.status.BotFigures;
import io.multibot.management.status.OpenPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes a policy's figures from the bots' latest ones. Bots that never answered (no figures)
 * count for nothing in money figures; a bot's starting balance is its balance minus its profit.
 */
final class RiskMeasures {

  private RiskMeasures() {}

  /**
   * @param dayStartProfit a bot's realised profit at 00:00 UTC today (its current one if unknown)
   */
  static List<Measure> measure(
      RiskKind kind,
      double threshold,
      List<BotFigures> bots,
      Function<BotFigures, Double> dayStartProfit,
      List<OpenPosition> positions,
      Instant now) {
    return switch (kind) {
      case MAX_ASSET_EXPOSURE -> exposure(threshold, bots, positions);
      case MAX_DRAWDOWN, MAX_DRAWDOWN_PERCENT, DAILY_LOSS ->
          perCurrency(kind, threshold, bots, dayStartProfit);
      case MAX_OPEN_TRADES ->
          List.of(
              new Measure(
                  "all",
                  bots.stream().mapToInt(b -> b.openTrades() == null ? 0 : b.openTrades()).sum(),
                  bots.stream().mapToInt(b -> b.openTrades() == null ? 0 : b.openTrades()).sum()
                      >= threshold,
                  ids(bots)));
      case OFFLINE_WITH_POSITIONS -> perBot(threshold, bots, b -> offlineMinutes(b, now));
      case MISSED_POLLS -> perBot(threshold, bots, b -> (double) b.missedPolls());
    };
  }

  private static List<Measure> perCurrency(
      RiskKind kind,
      double threshold,
      List<BotFigures> bots,
      Function<BotFigures, Double> dayStartProfit) {
    Map<String, List<BotFigures>> byCurrency = new TreeMap<>();
    for (BotFigures bot : bots) {
      if (bot.stakeCurrency() != null && bot.profitAll() != null) {
        byCurrency.computeIfAbsent(bot.stakeCurrency(), c -> new ArrayList<>()).add(bot);
      }
    }
    List<Measure> measures = new ArrayList<>();
    byCurrency.forEach(
        (currency, group) -> {
          double value = loss(kind, group, dayStartProfit);
          measures.add(new Measure(currency, value, value >= threshold, ids(group)));
        });
    return measures;
  }

  private static double loss(
      RiskKind kind, List<BotFigures> group, Function<BotFigures, Double> dayStartProfit) {
    double profitAll = group.stream().mapToDouble(BotFigures::profitAll).sum();
    return switch (kind) {
      case MAX_DRAWDOWN -> Math.max(0, -profitAll);
      case MAX_DRAWDOWN_PERCENT -> {
        double start =
            group.stream()
                .mapToDouble(b -> (b.balance() == null ? 0 : b.balance()) - b.profitAll())
                .sum();
        yield start <= 0 ? 0 : Math.max(0, -profitAll) / start * 100;
      }
      default -> {
        double today = 0;
        for (BotFigures bot : group) {
          double closed = bot.profitClosed() == null ? 0 : bot.profitClosed();
          Double start = dayStartProfit.apply(bot);
          today += closed - (start == null ? closed : start);
        }
        yield Math.max(0, -today);
      }
    };
  }

  /**
   * Per asset and stake currency ({@code BTC/USDT}): the worth of the scope's open trades in it;
   * the bots are those holding it (the ones an action pauses).
   */
  private static List<Measure> exposure(
      double threshold, List<BotFigures> bots, List<OpenPosition> positions) {
    Set<String> scoped = new HashSet<>(ids(bots));
    Map<String, Double> worth = new TreeMap<>();
    Map<String, Set<String>> holders = new TreeMap<>();
    for (OpenPosition position : positions) {
      if (scoped.contains(position.botId())) {
        String group = position.asset() + "/" + position.stakeCurrency();
        worth.merge(group, position.value(), Double::sum);
        holders.computeIfAbsent(group, g -> new TreeSet<>()).add(position.botId());
      }
    }
    List<Measure> measures = new ArrayList<>();
    worth.forEach(
        (group, value) ->
            measures.add(
                new Measure(group, value, value >= threshold, List.copyOf(holders.get(group)))));
    return measures;
  }

  private static List<Measure> perBot(
      double threshold, List<BotFigures> bots, Function<BotFigures, Double> figure) {
    List<Measure> measures = new ArrayList<>();
    for (BotFigures bot : bots) {
      double value = figure.apply(bot);
      measures.add(new Measure(bot.botId(), value, value >= threshold, List.of(bot.botId())));
    }
    return measures;
  }

  /** Minutes since a bot holding open trades last answered; 0 while it answers or holds none. */
  private static double offlineMinutes(BotFigures bot, Instant now) {
    if (bot.missedPolls() == 0
        || bot.openTrades() == null
        || bot.openTrades() == 0
        || bot.lastSeenAt() == null) {
      return 0;
    }
    return Duration.between(bot.lastSeenAt(), now).toSeconds() / 60.0;
  }

  private static List<String> ids(List<BotFigures> bots) {
    return bots.stream().map(BotFigures::botId).toList();
  }
}
