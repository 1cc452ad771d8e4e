package io.multibot.management.status;

import io.multibot.management.bot.BotSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Per-bot Prometheus gauges from the bots' last statuses: {@code multibot_bot_up}, {@code
 * multibot_bot_state} (0 unknown, 1 running, 2 paused, 3 stopped, 4 offline, 5 crashed), open
 * trades, closed and all profit, balance (stake currency) and seconds since the bot last answered,
 * tagged by bot, exchange, strategy and stake currency. Cardinality is bounded: only the first
 * {@code metrics.bots.max} bots by name get series; {@code multibot_bots_without_series} counts the
 * rest. Refreshed with the bot directory.
 */
@ApplicationScoped
public class BotMetrics {

  private static final List<String> STATES =
      List.of("unknown", "running", "paused", "stopped", "offline", "crashed");
  private static final Map<String, ToDoubleFunction<BotStatusView>> FIGURES =
      Map.of(
          "multibot.bot.up", v -> v.reachable() ? 1 : 0,
          "multibot.bot.state", v -> Math.max(0, STATES.indexOf(v.state())),
          "multibot.bot.open.trades", v -> value(v.openTrades()),
          "multibot.bot.profit.closed", v -> value(v.profitClosed()),
          "multibot.bot.profit.all", v -> value(v.profitAll()),
          "multibot.bot.balance", v -> value(v.balance()));

  private final MetricRegistry registry;
  private final StatusQueries queries;
  private final Clock clock;
  private final int maxBots;
  private final Map<String, BotStatusView> latest = new ConcurrentHashMap<>();
  private final Map<String, Set<MetricID>> registered = new HashMap<>();
  private volatile int withoutSeries;

  @Inject
  public BotMetrics(
      MetricRegistry registry,
      StatusQueries queries,
      Clock clock,
      @ConfigProperty(name = "metrics.bots.max", defaultValue = "500") int maxBots) {
    this.registry = registry;
    this.queries = queries;
    this.clock = clock;
    this.maxBots = maxBots;
  }

  /** For CDI's proxy only. */
  protected BotMetrics() {
    this(null, null, null, 500);
  }

  /** Reads the bots' current statuses; registers and removes series as bots come and go. */
  void refresh() {
    Map<String, List<Tag>> tags = new HashMap<>();
    for (BotSummary bot : queries.summaries()) {
      tags.put(
          bot.id(),
          List.of(
              new Tag("bot", bot.name()),
              new Tag("exchange", bot.exchange()),
              new Tag("strategy", bot.strategy()),
              new Tag("stake_currency", bot.stakeCurrency())));
    }
    refresh(queries.all(), tags);
  }

  private synchronized void refresh(
      List<BotStatusView> statuses, Map<String, List<Tag>> tagsByBot) {
    if (registered.isEmpty()) {
      registry.gauge("multibot.bots.without.series", () -> withoutSeries);
    }
    List<BotStatusView> chosen =
        statuses.stream()
            .sorted(Comparator.comparing(BotStatusView::botName))
            .limit(maxBots)
            .toList();
    withoutSeries = statuses.size() - chosen.size();
    latest.clear();
    chosen.forEach(view -> latest.put(view.botId(), view));
    for (String gone : Set.copyOf(registered.keySet())) {
      if (!latest.containsKey(gone)) {
        registered.remove(gone).forEach(registry::remove);
      }
    }
    for (BotStatusView view : chosen) {
      Tag[] tags = tagsByBot.getOrDefault(view.botId(), List.of()).toArray(Tag[]::new);
      Set<MetricID> ids = registered.get(view.botId());
      if (ids != null && ids.contains(new MetricID("multibot.bot.up", tags))) {
        continue;
      }
      if (ids != null) {
        ids.forEach(registry::remove);
      }
      registered.put(view.botId(), register(view.botId(), tags));
    }
  }

  private Set<MetricID> register(String botId, Tag[] tags) {
    Set<MetricID> ids = new java.util.HashSet<>();
    FIGURES.forEach(
        (name, figure) -> {
          registry.gauge(name, () -> figure(botId, figure), tags);
          ids.add(new MetricID(name, tags));
        });
    registry.gauge("multibot.bot.seconds.since.seen", () -> sinceSeen(botId), tags);
    ids.add(new MetricID("multibot.bot.seconds.since.seen", tags));
    return ids;
  }

  private double sinceSeen(String botId) {
    BotStatusView view = latest.get(botId);
    return view == null || view.lastSeenAt() == null
        ? Double.NaN
        : Duration.between(view.lastSeenAt(), clock.instant()).toMillis() / 1000.0;
  }

  private double figure(String botId, ToDoubleFunction<BotStatusView> figure) {
    BotStatusView view = latest.get(botId);
    return view == null ? Double.NaN : figure.applyAsDouble(view);
  }

  private static double value(Number number) {
    return number == null ? Double.NaN : number.doubleValue();
  }
}
