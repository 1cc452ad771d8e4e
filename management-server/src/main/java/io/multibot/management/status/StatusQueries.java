package io.multibot.management.status;

import io.multibot.common.status.BotPoll;
import io.multibot.common.status.BotState;
import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotSummary;
import io.multibot.management.platform.api.QueryProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads of the live status: one bot, the fleet by state, trades, history. Each read is one
 * transaction on one connection: the bots and their statuses are read together, so a request never
 * holds a connection while it waits for a second one (fifty concurrent fleet reads once exhausted
 * the pool that way and stalled every other request).
 */
@ApplicationScoped
@Transactional
public class StatusQueries {

  private final StatusStore store;
  private final BotService bots;

  @Inject
  public StatusQueries(StatusStore store, BotService bots) {
    this.store = store;
    this.bots = bots;
  }

  /** For CDI's proxy only. */
  protected StatusQueries() {
    this(null, null);
  }

  public BotStatusView status(String idOrName) {
    BotSummary bot = bots.summary(idOrName);
    return view(bot, store.find(bot.id()));
  }

  /** A bot and its status. */
  record Tracked(BotSummary bot, BotStatusView status) {}

  /**
   * The fleet's bots that match the query, one page of them (or all) grouped by state, with the
   * counts by state of every bot that has the tag. Reads the bots, the states alone (no snapshot),
   * and the statuses of the shown bots only.
   */
  public FleetStatus fleet(FleetQuery query) {
    if (query.page() != null) {
      return page(query);
    }
    Map<String, BotState> states = store.states();
    Map<String, Integer> counts = new TreeMap<>();
    List<BotSummary> matching = new ArrayList<>();
    for (BotSummary bot : bots.summaries()) {
      BotState live = states.getOrDefault(bot.id(), BotState.UNKNOWN);
      if (query.counts(bot.tags())) {
        counts.merge(live.wire(), 1, Integer::sum);
      }
      if (query.matches(bot, live)) {
        matching.add(bot);
      }
    }
    // the whole fleet reads all statuses at once (no IN list of every id)
    Map<String, BotStatusRecord> statuses = allStatuses();
    List<BotStatusView> shown =
        matching.stream()
            .map(bot -> view(bot, Optional.ofNullable(statuses.get(bot.id()))))
            .sorted(query.sort().comparator())
            .toList();
    return FleetStatus.of(matching.size(), counts, null, shown);
  }

  /**
   * One page in the database: the counts by state (one grouped query), the page's bot ids (sorted
   * and cut there), then those bots' summaries and statuses only. Reading every bot's summary and
   * state for each page was most of {@code /status?size=50}'s cost at 1,000 bots.
   */
  private FleetStatus page(FleetQuery query) {
    Map<String, Integer> counts = store.countsByState(query.tag());
    int total;
    if (query.narrowed()) {
      total = store.countMatching(query);
    } else {
      total =
          query.state() == null
              ? counts.values().stream().mapToInt(Integer::intValue).sum()
              : counts.getOrDefault(query.state().wire(), 0);
    }
    List<String> ids = store.pageIds(query);
    Map<String, BotSummary> summaries =
        bots.summaries(ids).stream().collect(Collectors.toMap(BotSummary::id, Function.identity()));
    Map<String, BotStatusRecord> statuses = store.find(ids);
    List<BotStatusView> shown =
        ids.stream()
            .filter(summaries::containsKey) // deleted between the two reads
            .map(id -> view(summaries.get(id), Optional.ofNullable(statuses.get(id))))
            .toList();
    return FleetStatus.of(total, counts, query.page(), shown);
  }

  /** Every bot with its status: one read of the bots and one of the statuses. */
  List<Tracked> tracked() {
    Map<String, BotStatusRecord> statuses = allStatuses();
    return bots.summaries().stream()
        .map(bot -> new Tracked(bot, view(bot, Optional.ofNullable(statuses.get(bot.id())))))
        .toList();
  }

  private Map<String, BotStatusRecord> allStatuses() {
    return store.all().stream()
        .collect(Collectors.toMap(BotStatusRecord::getBotId, Function.identity()));
  }

  /** A part of the bot's last polls (open or closed trades, logs); empty when none was read. */
  public JsonArray fromSnapshot(String idOrName, Function<BotPoll, JsonArray> part) {
    BotSummary bot = bots.summary(idOrName);
    return store
        .find(bot.id())
        .map(BotStatusRecord::getSnapshot)
        .map(StatusSnapshots::poll)
        .map(part)
        .orElse(JsonValue.EMPTY_JSON_ARRAY);
  }

  public List<StatusViews.Point> history(String idOrName, Instant since, int limit) {
    BotSummary bot = bots.summary(idOrName);
    return store.history(bot.id(), since, limit).stream()
        .map(
            point ->
                new StatusViews.Point(
                    point.getAt().toString(),
                    point.getProfitClosed(),
                    point.getProfitAll(),
                    point.getBalance(),
                    point.getOpenTrades()))
        .toList();
  }

  /** Points one history request may read: beyond it the answer says to narrow the range. */
  static final long MAX_HISTORY_POINTS = 2_000_000;

  /** How far before the range a bot's last point is looked for, to seed the series' start. */
  static final java.time.Duration SEED_LOOKBACK = java.time.Duration.ofHours(1);

  /**
   * The portfolio's history over the range, per stake currency, of the bots with the tag (every bot
   * when it is null). Reads the bots' recorded points from an hour before the range (a bot silent
   * longer than that before the range starts is counted from its next point); a range that holds
   * more than {@value #MAX_HISTORY_POINTS} points is refused (422) before anything is loaded.
   */
  public PortfolioHistoryView equity(String tag, HistoryRange range) {
    Map<String, String> currencies = new java.util.HashMap<>();
    for (BotSummary bot : bots.summaries()) {
      if ((tag == null || bot.tags().contains(tag)) && bot.stakeCurrency() != null) {
        currencies.put(bot.id(), bot.stakeCurrency());
      }
    }
    java.time.Instant from = range.since().minus(SEED_LOOKBACK);
    long points = store.countSamples(tag, from, range.until());
    if (points > MAX_HISTORY_POINTS) {
      throw QueryProblems.invalid(
          "since",
          "the range holds "
              + points
              + " recorded points, more than "
              + MAX_HISTORY_POINTS
              + ": choose a shorter range or a tag");
    }
    List<EquityHistory.Sample> samples = store.samples(tag, from, range.until());
    return new PortfolioHistoryView(
        range.since().toString(),
        range.until().toString(),
        range.step().toString(),
        EquityHistory.of(samples, currencies, range.since(), range.until(), range.step()));
  }

  private static BotStatusView view(BotSummary bot, Optional<BotStatusRecord> status) {
    return status.map(s -> BotStatusView.of(bot, s)).orElseGet(() -> BotStatusView.unknown(bot));
  }
}
