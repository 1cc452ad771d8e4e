package io.multibot.gateway.bot;

import io.multibot.common.concurrent.Pause;
import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * freqtrade's REST API as the gateway uses it, per bot: typed reads, and control calls confirmed by
 * reading the bot's state back, since freqtrade answers them with prose. Every call passes the
 * bot's guards (rate budget, circuit breaker, bulkhead). Nothing here retries: a status poll that
 * fails is a missed poll (the next one comes within {@code STATUS_INTERVAL}), and a command's
 * attempts are the dispatcher's, which checks the bot before repeating anything that may have
 * acted.
 */
public final class FreqtradeClient {

  /** How long a config reload may keep the bot in RELOAD_CONFIG before we call it failed. */
  static final Duration RELOAD_CONFIRMATION = Duration.ofSeconds(30);

  private final FreqtradeHttp http;
  private final BotGuards guards;
  private final Clock clock;

  public FreqtradeClient(Clock clock, ClientSettings settings) {
    this.http = new FreqtradeHttp(clock, settings.connectTimeout(), settings.readTimeout());
    this.guards = new BotGuards(settings, clock);
    this.clock = clock;
  }

  /**
   * Runs the calls in {@code reads} as background reads, which leave part of each bot's rate budget
   * to commands (the status poller's reads).
   */
  public <T> T inBackground(java.util.function.Supplier<T> reads) {
    return RateBudget.inBackground(reads);
  }

  public FreqtradeResult<BotConfig> showConfig(BotEndpoint bot) {
    return read(bot, "show_config", json -> BotConfig.from(json.asJsonObject()));
  }

  public FreqtradeResult<BotHealth> health(BotEndpoint bot) {
    return read(bot, "health", json -> BotHealth.from(json.asJsonObject()));
  }

  /** {@code /status}: the open trades. */
  public FreqtradeResult<List<TradeView>> openTrades(BotEndpoint bot) {
    return read(
        bot,
        "status",
        json ->
            json.asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(TradeView::from)
                .toList());
  }

  public FreqtradeResult<TradeView> trade(BotEndpoint bot, int tradeId) {
    return read(bot, "trade/" + tradeId, json -> TradeView.from(json.asJsonObject()));
  }

  /** {@code /trades}: a page of closed trades, newest first, as freqtrade returns it. */
  public FreqtradeResult<JsonObject> closedTrades(BotEndpoint bot, int limit, int offset) {
    return read(bot, "trades?limit=" + limit + "&offset=" + offset, JsonValue::asJsonObject);
  }

  public FreqtradeResult<TradeCount> count(BotEndpoint bot) {
    return read(bot, "count", json -> TradeCount.from(json.asJsonObject()));
  }

  public FreqtradeResult<BalanceSummary> balance(BotEndpoint bot) {
    return read(bot, "balance", json -> BalanceSummary.from(json.asJsonObject()));
  }

  public FreqtradeResult<ProfitSummary> profit(BotEndpoint bot) {
    return read(bot, "profit", json -> ProfitSummary.from(json.asJsonObject()));
  }

  public FreqtradeResult<JsonObject> logs(BotEndpoint bot, int lines) {
    return read(bot, "logs?limit=" + lines, JsonValue::asJsonObject);
  }

  /** Any other read-only route ({@code whitelist}, {@code blacklist}, {@code locks}, ...). */
  public FreqtradeResult<JsonValue> get(BotEndpoint bot, String route) {
    return read(bot, route, json -> json);
  }

  public FreqtradeResult<BotConfig> start(BotEndpoint bot) {
    return control(bot, "start", config -> "running".equals(config.state()));
  }

  public FreqtradeResult<BotConfig> stop(BotEndpoint bot) {
    return control(bot, "stop", config -> "stopped".equals(config.state()));
  }

  /**
   * No new entries, open trades still managed. Bots newer than API 2.40 get {@code /pause} (state
   * PAUSED, undone by start); 2.40 bots, or bots without {@code /pause}, get {@code /stopentry},
   * which there only sets max_open_trades to 0 (undone by a config reload).
   */
  public FreqtradeResult<BotConfig> pause(BotEndpoint bot) {
    FreqtradeResult<BotConfig> before = showConfig(bot);
    if (!(before instanceof FreqtradeResult.Success<BotConfig> known)) {
      return before;
    }
    FreqtradeResult<JsonValue> sent =
        known.value().hasPause() ? post(bot, "pause", null) : post(bot, "stopentry", null);
    if (sent instanceof FreqtradeResult.Refused<JsonValue> refused && refused.status() == 404) {
      sent = post(bot, "stopentry", null);
    }
    return sent.isSuccess() ? confirm(bot, BotConfig::entriesStopped) : retype(sent);
  }

  /** Reloads the config; the bot passes through RELOAD_CONFIG and returns to its state. */
  public FreqtradeResult<BotConfig> reloadConfig(BotEndpoint bot) {
    FreqtradeResult<BotConfig> before = showConfig(bot);
    if (!(before instanceof FreqtradeResult.Success<BotConfig> known)) {
      return before;
    }
    String previous = known.value().state();
    return control(bot, "reload_config", config -> previous.equals(config.state()));
  }

  /** Never retried: a repeated force entry could open (or add to) a second position. */
  public FreqtradeResult<TradeView> forceEnter(BotEndpoint bot, ForceEntry entry) {
    FreqtradeResult<JsonValue> sent = post(bot, "forceenter", entry.toJson());
    if (sent instanceof FreqtradeResult.Success<JsonValue> success
        && success.value() instanceof JsonObject trade
        && trade.containsKey("trade_id")) {
      return new FreqtradeResult.Success<>(TradeView.from(trade));
    }
    if (sent instanceof FreqtradeResult.Success<JsonValue> success) {
      return new FreqtradeResult.Refused<>(200, FreqtradeHttp.detail(success.value().toString()));
    }
    return retype(sent);
  }

  /** Exits one trade, or all with {@code "all"}; freqtrade's message on success. */
  public FreqtradeResult<String> forceExit(BotEndpoint bot, String tradeId) {
    return forceExit(bot, tradeId, null);
  }

  /** Exits a trade, partly when {@code amount} (in base currency) is given. */
  public FreqtradeResult<String> forceExit(BotEndpoint bot, String tradeId, Double amount) {
    JsonValue id =
        tradeId.chars().allMatch(Character::isDigit)
            ? Jsons.createValue(Long.parseLong(tradeId))
            : Jsons.createValue(tradeId);
    var body = Jsons.createObjectBuilder().add("tradeid", id);
    if (amount != null) {
      body.add("amount", amount);
    }
    return map(
        post(bot, "forceexit", body.build()), json -> json.asJsonObject().getString("result"));
  }

  /**
   * {@code POST /blacklist}: the blacklist after the call, refused unless every pair is on it (a
   * pair already there is freqtrade's "error", yet the outcome wanted).
   */
  public FreqtradeResult<List<String>> blacklistAdd(BotEndpoint bot, List<String> pairs) {
    JsonValue body =
        Jsons.createObjectBuilder().add("blacklist", Jsons.createArrayBuilder(pairs)).build();
    return confirmBlacklist(
        guards.guard(bot.key(), "blacklist", () -> http.call(bot, "POST", "blacklist", body)),
        pairs,
        true);
  }

  /** {@code DELETE /blacklist}: the blacklist after the call, refused if a pair is still on it. */
  public FreqtradeResult<List<String>> blacklistRemove(BotEndpoint bot, List<String> pairs) {
    String query =
        pairs.stream()
            .map(p -> "pairs_to_delete=" + URLEncoder.encode(p, StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    return confirmBlacklist(
        guards.guard(
            bot.key(), "blacklist", () -> http.call(bot, "DELETE", "blacklist?" + query, null)),
        pairs,
        false);
  }

  private static FreqtradeResult<List<String>> confirmBlacklist(
      FreqtradeResult<JsonValue> sent, List<String> pairs, boolean on) {
    FreqtradeResult<List<String>> listed =
        map(
            sent,
            json ->
                json.asJsonObject().getJsonArray("blacklist").getValuesAs(JsonString::getString));
    if (!(listed instanceof FreqtradeResult.Success<List<String>> success)) {
      return listed;
    }
    List<String> wrong = pairs.stream().filter(p -> success.value().contains(p) != on).toList();
    return wrong.isEmpty()
        ? listed
        : new FreqtradeResult.Refused<>(
            200, (on ? "not on" : "still on") + " the blacklist after the call: " + wrong);
  }

  private FreqtradeResult<BotConfig> control(
      BotEndpoint bot, String route, java.util.function.Predicate<BotConfig> reached) {
    FreqtradeResult<JsonValue> sent = post(bot, route, null);
    return sent.isSuccess() ? confirm(bot, reached) : retype(sent);
  }

  /** Reads the state back until the bot has reached it; waits while the bot is in RELOAD_CONFIG. */
  private FreqtradeResult<BotConfig> confirm(
      BotEndpoint bot, java.util.function.Predicate<BotConfig> reached) {
    Instant deadline = clock.instant().plus(RELOAD_CONFIRMATION);
    while (true) {
      FreqtradeResult<BotConfig> config = showConfig(bot);
      if (!(config instanceof FreqtradeResult.Success<BotConfig> read)) {
        return config;
      }
      if (reached.test(read.value())) {
        return config;
      }
      if (!"reload_config".equals(read.value().state()) || clock.instant().isAfter(deadline)) {
        return new FreqtradeResult.Refused<>(
            200, "the bot did not confirm: its state is " + read.value().state());
      }
      Pause.sleep(Duration.ofMillis(250));
    }
  }

  private <T> FreqtradeResult<T> read(
      BotEndpoint bot, String route, Function<JsonValue, T> mapper) {
    String name = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
    String budgetName = name.startsWith("trade/") ? "trade" : name;
    return map(
        guards.guard(bot.key(), budgetName, () -> http.call(bot, "GET", route, null)), mapper);
  }

  private FreqtradeResult<JsonValue> post(BotEndpoint bot, String route, JsonValue body) {
    return guards.guard(bot.key(), route, () -> http.call(bot, "POST", route, body));
  }

  /** A success mapped to our type; an answer that does not fit freqtrade's contract is refused. */
  private static <T> FreqtradeResult<T> map(
      FreqtradeResult<JsonValue> result, Function<JsonValue, T> mapper) {
    if (result instanceof FreqtradeResult.Success<JsonValue> success) {
      try {
        return new FreqtradeResult.Success<>(mapper.apply(success.value()));
      } catch (RuntimeException e) {
        return new FreqtradeResult.Refused<>(
            200, "the answer does not match freqtrade's API: " + e.getMessage());
      }
    }
    return retype(result);
  }

  @SuppressWarnings("unchecked")
  private static <T> FreqtradeResult<T> retype(FreqtradeResult<?> failure) {
    return (FreqtradeResult<T>) failure;
  }

  /** The state of a bot's circuit (for health, metrics and tests). */
  public CircuitBreaker.State circuitState(BotEndpoint bot) {
    return guards.circuitState(bot.key());
  }

  /** Drops sessions and guards of a bot that is no longer managed. */
  public void forget(BotEndpoint bot) {
    http.forget(bot);
    guards.forget(bot.key());
  }

  long logins() {
    return http.logins();
  }

  long refreshes() {
    return http.refreshes();
  }
}
