package io.multibot.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * freqtrade's routes under {@code /api/v1}, each with its method and whether it needs credentials.
 * Routes are looked up as {@code "METHOD path"}; {@code trade/{id}} is the one path with a
 * parameter.
 */
final class Endpoints {

  /** What a route answers, and whether it needs credentials. */
  record Route(boolean authenticated, Function<Request, JsonValue> handler) {}

  private final Map<String, Route> routes = new HashMap<>();
  private final Map<String, Route> simulatorRoutes = new HashMap<>();
  private final SimulatedBot bot;
  private final TradeReports trades;
  private final Supplier<Instant> clock;

  Endpoints(SimulatedBot bot, Reports reports, Supplier<Instant> clock) {
    this.bot = bot;
    this.trades = reports.trades();
    this.clock = clock;
    routes.put("GET ping", new Route(false, r -> status("pong")));
    get("version", r -> Jsons.createObjectBuilder().add("version", SimulatedBot.VERSION).build());
    get("show_config", r -> bot.showConfig());
    get("health", r -> reports.info().health(bot.lastProcess()));
    get("sysinfo", r -> reports.info().sysinfo());
    get("logs", r -> reports.info().logs(r.queryInt("limit", null, 0, Integer.MAX_VALUE)));
    control();
    simulatorRoutes();
    get("status", r -> trades.status());
    get(
        "trades",
        r ->
            trades.trades(
                r.queryInt("limit", 500, 0, 1000),
                r.queryInt("offset", 0, 0, 100_000),
                r.queryFlag("order_by_id")));
    get("count", r -> trades.count());
    get("balance", r -> reports.profit().balance());
    get("profit", r -> reports.profit().profit());
    get("performance", r -> trades.performance());
    get("daily", r -> reports.profit().daily(r.queryInt("timescale", 7, 1, 365)));
    pairlists();
    get("locks", r -> trades.locks());
    for (String path : new String[] {"forceenter", "forcebuy"}) {
      post(path, this::forceEnter);
    }
    for (String path : new String[] {"forceexit", "forcesell"}) {
      post(
          path,
          r ->
              Jsons.createObjectBuilder()
                  .add("result", bot.forceExit(r.requiredId("tradeid"), clock.get()))
                  .build());
    }
  }

  /**
   * The simulator's own routes (under {@code /_simulator/}, when the {@code control_routes} knob is
   * on), for tests: {@code POST price_shock} with {@code {"pair": "BTC/USDT", "percent": -40}}
   * moves that pair's price by the percentage (more than -100) and answers the new price.
   */
  private void simulatorRoutes() {
    simulatorRoutes.put(
        "POST price_shock",
        new Route(
            true,
            r -> {
              String pair = r.requiredText("pair");
              Double percent = r.optionalNumber("percent");
              if (percent == null || !(percent > -100) || percent > 10_000) {
                throw Request.invalid(
                    "value_error",
                    "body",
                    "percent",
                    "percent must be a number above -100 and at most 10000",
                    null);
              }
              return Jsons.createObjectBuilder()
                  .add("pair", pair)
                  .add("price", bot.priceShock(pair, percent))
                  .build();
            }));
  }

  /** One of the simulator's own routes, or empty. */
  Optional<Route> findSimulatorRoute(String method, String path) {
    return Optional.ofNullable(simulatorRoutes.get(method + " " + path));
  }

  /** The whitelist, and the blacklist with freqtrade's POST (add) and DELETE (remove). */
  private void pairlists() {
    get("whitelist", r -> trades.whitelist());
    get("blacklist", r -> trades.blacklist());
    post("blacklist", r -> trades.blacklist(bot.blacklistAdd(r.requiredTextList("blacklist"))));
    routes.put(
        "DELETE blacklist",
        new Route(
            true,
            r ->
                trades.blacklist(
                    bot.blacklistRemove(r.query().getOrDefault("pairs_to_delete", List.of())))));
  }

  private void control() {
    post("start", r -> status(bot.start()));
    post("stop", r -> status(bot.stop()));
    post("stopentry", r -> status(bot.stopEntry()));
    post("stopbuy", r -> status(bot.stopEntry()));
    post("reload_config", r -> status(bot.reloadConfig()));
    if (bot.hasPause()) {
      post("pause", r -> status(bot.pause()));
    }
  }

  private JsonValue forceEnter(Request request) {
    String pair = request.requiredText("pair");
    if ("short".equals(request.optionalText("side", "long"))) {
      throw new RpcException("Can't go short on Spot markets.");
    }
    Trade trade =
        bot.forceEnter(
            pair,
            request.optionalNumber("stakeamount"),
            request.optionalNumber("price"),
            request.optionalText("entry_tag", null),
            clock.get());
    return trades.trade(trade.id());
  }

  private void get(String path, Function<Request, JsonValue> handler) {
    routes.put("GET " + path, new Route(true, handler));
  }

  private void post(String path, Function<Request, JsonValue> handler) {
    routes.put("POST " + path, new Route(true, handler));
  }

  /** The route for a method and path, or empty; {@code trade/{id}} included. */
  Optional<Route> find(String method, String path) {
    if ("GET".equals(method) && path.startsWith("trade/")) {
      return Optional.of(new Route(true, r -> trades.trade(tradeId(path))));
    }
    return Optional.ofNullable(routes.get(method + " " + path));
  }

  /** Whether the path exists with another method (405 rather than 404). */
  boolean knowsPath(String path) {
    return routes.keySet().stream().anyMatch(key -> key.endsWith(" " + path));
  }

  private static int tradeId(String path) {
    String raw = path.substring("trade/".length());
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw Request.invalid(
          "int_parsing",
          "path",
          "tradeid",
          "Input should be a valid integer, unable to parse string as an integer",
          raw);
    }
  }

  static JsonObject status(String text) {
    return Jsons.createObjectBuilder().add("status", text).build();
  }
}
