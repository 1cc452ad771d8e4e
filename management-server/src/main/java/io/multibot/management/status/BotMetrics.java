package io.multibot.management.status;

import io.multibot.common.status.BotState;
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

  private static final String SINCE_SEEN = "multibot.bot.seconds.since.seen";
  private static final List<BotState> STATES =
      List.of(
          BotState.UNKNOWN,
          BotState.RUNNING,
          BotState.PAUSED,
          BotState.STOPPED,
          BotState.OFFLINE,
          BotState.CRASHED);
  private static final Map<String, ToDoubleFunction<BotStatusView>> FIGURES =
      Map.of(
          "multibot.bot.up", v -> v.reachable() ? 1 : 0,
          "multibot.bot.state", v -> Math.max(0, STATES.indexOf(BotState.ofWire(v.state()))),
          "multibot.bot.open.trades", v -> value(v.openTrades()),
          "multibot.bot.profit.closed", v -> value(v.profitClosed()),
          "multibot.bot.profit.all", v -> value(v.profitAll()),
          "multibot.bot.balance", v -> value(v.balance()));

  private final MetricRegistry registry;
  private final StatusQueries queries;
  private final Clock clock;
  private final int maxBots;
  private volatile Map<String, BotStatusView> latest = Map.of();
  private final Map<String, List<Tag>> registered = new HashMap<>();
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
    List<StatusQueries.Tracked> fleet = queries.tracked();
    Map<String, List<Tag>> tags = new HashMap<>();
    for (StatusQueries.Tracked tracked : fleet) {
      BotSummary bot = tracked.bot();
      tags.put(
          bot.id(),
          List.of(
              new Tag("bot", bot.name()),
              new Tag("exchange", bot.exchange()),
              new Tag("strategy", bot.strategy()),
              new Tag("stake_currency", bot.stakeCurrency())));
    }
    refresh(fleet.stream().map(StatusQueries.Tracked::status).toList(), tags);
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
    Map<String, BotStatusView> next = new HashMap<>();
    chosen.forEach(view -> next.put(view.botId(), view));
    latest = next;
    for (String gone : Set.copyOf(registered.keySet())) {
      if (!next.containsKey(gone)) {
        unregister(registered.remove(gone));
      }
    }
    for (BotStatusView view : chosen) {
      List<Tag> tags = tagsByBot.getOrDefault(view.botId(), List.of());
      List<Tag> before = registered.get(view.botId());
      if (tags.equals(before)) {
        continue;
      }
      if (before != null) {
        unregister(before);
      }
      register(view.botId(), tags.toArray(Tag[]::new));
      registered.put(view.botId(), tags);
    }
  }

  private void unregister(List<Tag> tags) {
    Tag[] array = tags.toArray(Tag[]::new);
    for (String name : FIGURES.keySet()) {
      registry.remove(new MetricID(name, array));
    }
    registry.remove(new MetricID(SINCE_SEEN, array));
  }

  private void register(String botId, Tag[] tags) {
    FIGURES.forEach((name, figure) -> registry.gauge(name, () -> figure(botId, figure), tags));
    registry.gauge(SINCE_SEEN, () -> sinceSeen(botId), tags);
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
