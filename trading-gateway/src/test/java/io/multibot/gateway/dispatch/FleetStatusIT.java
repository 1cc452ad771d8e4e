package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live status through both deployed servers: the gateway polls the bots of its partitions,
 * management keeps their latest status, notices a bot that stopped answering and one that came
 * back, records a managed bot's crash loop, and sums the fleet per stake currency.
 */
class FleetStatusIT {

  /** Simulators that trade on their own (fast ticks, a replayed history), so figures move. */
  private static final String TRADING =
      CommandCycleIT.BOT_CONFIG
              .replace("\"tick_ms\": 3600000", "\"tick_ms\": 500")
              .replace("\"history_candles\": 0", "\"history_candles\": 200")
          + ", \"initial_state\": \"running\"";

  @TempDir private Path dir;

  @Test
  void statusFollowsTheBotOfflineAndBackAndThePortfolioAddsUpTheBotsOwnFigures() throws Exception {
    String token = ManagementApi.token();
    String tag = "fleet-" + UUID.randomUUID().toString().substring(0, 8);
    try (SimulatorProcess one = SimulatorProcess.start(dir, TRADING, Map.of());
        SimulatorProcess two =
            SimulatorProcess.start(dir, TRADING.replace("\"seed\": 3", "\"seed\": 4"), Map.of())) {
      String first = ManagementApi.register(token, one, tag);
      String second = ManagementApi.register(token, two, tag);

      JsonObject status =
          ManagementApi.await(token, "/bots/" + first + "/status", s -> s.getBoolean("reachable"));
      assertThat(status.getString("state")).isEqualTo("running");
      assertThat(status.getString("stakeCurrency")).isEqualTo("USDT");
      ManagementApi.await(token, "/bots/" + second + "/status", s -> s.getBoolean("reachable"));

      assertThat(awaitMetric("multibot_bot_up{", first, "1")).contains("stake_currency=\"USDT\"");
      assertTradesAndLogs(token, first, one);
      assertPortfolioAndHistory(token, tag, first, List.of(one, two));

      one.kill();
      JsonObject offline =
          ManagementApi.await(
              token, "/bots/" + first + "/status", s -> s.getString("state").equals("offline"));
      assertThat(offline.getBoolean("reachable")).isFalse();
      assertThat(offline.getInt("missedPolls")).isGreaterThanOrEqualTo(3);
      assertThat(audit(token, "bot.went-offline")).contains(botId(token, first));
      awaitMetric("multibot_bot_up{", first, "0");

      try (SimulatorProcess again = one.restart(Map.of())) {
        ManagementApi.await(
            token, "/bots/" + first + "/status", s -> s.getString("state").equals("running"));
        assertThat(audit(token, "bot.recovered")).contains(botId(token, first));
        JsonObject fleet = ManagementApi.get(token, "/status").json();
        assertThat(
                fleet.getJsonObject("states").getJsonArray("running").getValuesAs(JsonObject.class))
            .extracting(view -> view.getString("botName"))
            .contains(first, second);
        assertPagedByTagAndState(token, tag, List.of(first, second));
      }
    }
  }

  @Test
  void aManagedBotThatKeepsCrashingIsShownCrashedAndAudited() throws Exception {
    String token = ManagementApi.token();
    String name = "crashing-" + UUID.randomUUID().toString().substring(0, 8);
    ManagementApi.registerCrashingBot(token, name, "always");

    HttpJson.Answer started = ManagementApi.post(token, "/bots/" + name + "/start?wait=30s", null);
    assertThat(started.json().getString("status")).as(started.text()).isEqualTo("SUCCEEDED");

    JsonObject crashed =
        ManagementApi.await(
            token,
            "/bots/" + name + "/status",
            s ->
                s.getString("state").equals("crashed")
                    && s.containsKey("lastEvent")
                    && s.getJsonObject("lastEvent").getString("event").equals("CRASHED"));
    assertThat(crashed.getJsonObject("lastEvent").getString("event")).isEqualTo("CRASHED");
    assertThat(crashed.getJsonObject("lastEvent").getInt("exit_code")).isEqualTo(137);
    assertThat(crashed.getInt("unexpectedExits"))
        .as("every exit before the supervisor gave up is counted")
        .isGreaterThan(1);
    assertThat(crashed.getJsonObject("lastExit").getString("event")).isEqualTo("CRASHED");
    assertThat(crashed.getString("lastExitAt")).isNotBlank();
    assertThat(audit(token, "bot.crashed")).contains(botId(token, name));
    ManagementApi.post(token, "/bots/" + name + "/stop?wait=30s", null);
  }

  /**
   * Waits until the portfolio's USDT profit equals the two bots' own /profit figures read around
   * the same poll (they trade on, so a few rounds may be needed), and returns it.
   */
  private static JsonObject portfolioMatchingTheBots(
      String token, String tag, List<SimulatorProcess> bots) throws InterruptedException {
    JsonObject portfolio = null;
    double own = 0;
    for (int i = 0; i < 120; i++) {
      portfolio = ManagementApi.get(token, "/portfolio?tag=" + tag).json();
      own = 0;
      for (SimulatorProcess bot : bots) {
        own += botGet(bot, "profit").getJsonNumber("profit_closed_coin").doubleValue();
      }
      JsonObject usdt = portfolio.getJsonArray("currencies").getJsonObject(0);
      if (usdt.getInt("reporting") == 2
          && Math.abs(usdt.getJsonNumber("profitClosed").doubleValue() - own) < 1e-6) {
        return portfolio;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "portfolio " + portfolio + " never matched the bots' closed profit " + own);
  }

  private static JsonObject botGet(SimulatorProcess bot, String route) {
    return HttpJson.send(bot.request(route).GET()).json();
  }

  /**
   * Waits for management's Prometheus line of this metric for this bot to show the value, and
   * returns the line.
   */
  private static String awaitMetric(String metric, String bot, String value)
      throws InterruptedException {
    String url = "http://localhost:" + System.getProperty("it.e2e.management.port") + "/metrics";
    String last = null;
    for (int i = 0; i < 120; i++) {
      last =
          HttpJson.get(url)
              .text()
              .lines()
              .filter(line -> line.startsWith(metric) && line.contains("bot=\"" + bot + "\""))
              .findFirst()
              .orElse(null);
      if (last != null
          && Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1))
              == Double.parseDouble(value)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(metric + " of " + bot + " never was " + value + "; last: " + last);
  }

  /**
   * The portfolio adds up the bots' own closed profit and converts it with the configured rate
   * (management-e2e: PORTFOLIO_RATES=USDT=0.9, PORTFOLIO_CURRENCY=EUR); the history has points.
   */
  private static void assertPortfolioAndHistory(
      String token, String tag, String bot, List<SimulatorProcess> bots)
      throws InterruptedException {
    JsonObject portfolio = portfolioMatchingTheBots(token, tag, bots);
    JsonObject usdt = portfolio.getJsonArray("currencies").getJsonObject(0);
    assertThat(usdt.getInt("bots")).isEqualTo(2);
    assertThat(portfolio.getString("conversion")).contains("configured rates", "EUR");
    assertThat(portfolio.getJsonObject("ratesUsed").getJsonNumber("USDT").doubleValue())
        .isEqualTo(0.9);
    assertThat(portfolio.getJsonObject("total").getJsonNumber("profitClosed").doubleValue())
        .isCloseTo(0.9 * usdt.getJsonNumber("profitClosed").doubleValue(), within(1e-6));
    JsonObject history = ManagementApi.get(token, "/bots/" + bot + "/profit/history").json();
    assertThat(history.getJsonArray("points")).isNotEmpty();
    assertThat(history.getJsonArray("points").getJsonObject(0).containsKey("profitClosed"))
        .isTrue();
  }

  /** The bot's closed trades and log tail as management shows them, checked against the bot. */
  private static void assertTradesAndLogs(String token, String name, SimulatorProcess bot)
      throws InterruptedException {
    JsonObject trades =
        ManagementApi.await(
            token, "/bots/" + name + "/trades", t -> !t.getJsonArray("closed").isEmpty());
    JsonObject listed = trades.getJsonArray("closed").getJsonObject(0);
    JsonObject own = botGet(bot, "trade/" + listed.getInt("trade_id"));
    assertThat(own.getBoolean("is_open")).isFalse();
    assertThat(listed.getString("pair")).isEqualTo(own.getString("pair"));
    assertThat(listed.getJsonNumber("profit_abs").doubleValue())
        .isEqualTo(own.getJsonNumber("profit_abs").doubleValue());
    JsonObject logs =
        ManagementApi.await(
            token, "/bots/" + name + "/logs?lines=2", l -> l.getJsonArray("lines").size() == 2);
    assertThat(logs.getJsonArray("lines").getString(0))
        .contains(" - freqtrade.simulator - INFO - ");
    HttpJson.Answer tooMany = ManagementApi.get(token, "/bots/" + name + "/logs?lines=5000");
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
  }

  private static String botId(String token, String name) {
    return ManagementApi.get(token, "/bots/" + name).json().getString("id");
  }

  /** The targets of the audit entries with this action. */
  private static String audit(String token, String action) {
    return ManagementApi.get(token, "/audit?action=" + action + "&size=100").text();
  }

  /** {@code /status} filtered by tag and state, one bot a page: both pages, counts, no repeat. */
  private static void assertPagedByTagAndState(String token, String tag, List<String> names) {
    List<String> shown = new java.util.ArrayList<>();
    for (int page = 0; page < 2; page++) {
      JsonObject fleet =
          ManagementApi.get(token, "/status?tag=" + tag + "&state=running&size=1&page=" + page)
              .json();
      assertThat(fleet.getInt("total")).as(fleet.toString()).isEqualTo(2);
      assertThat(fleet.getInt("totalPages")).isEqualTo(2);
      assertThat(fleet.getJsonObject("counts").getInt("running")).isEqualTo(2);
      assertThat(fleet.getJsonObject("states").keySet()).containsExactly("running");
      fleet.getJsonObject("states").getJsonArray("running").getValuesAs(JsonObject.class).stream()
          .map(view -> view.getString("botName"))
          .forEach(shown::add);
    }
    assertThat(shown).containsExactlyElementsOf(names.stream().sorted().toList());
    JsonObject anyState = ManagementApi.get(token, "/status?tag=" + tag + "&size=5").json();
    assertThat(anyState.getInt("total")).as(anyState.toString()).isEqualTo(2);
    assertThat(anyState.getJsonObject("states").getJsonArray("running")).hasSize(2);
    JsonObject unknown =
        ManagementApi.get(token, "/status?tag=" + tag + "&state=unknown&size=5").json();
    assertThat(unknown.getInt("total")).as("both bots have a status").isZero();
    assertThat(unknown.getJsonObject("states").keySet()).isEmpty();
    JsonObject none = ManagementApi.get(token, "/status?tag=" + tag + "&state=crashed").json();
    assertThat(none.getInt("total")).isZero();
    assertThat(none.containsKey("page")).isFalse();
    var refused = ManagementApi.get(token, "/status?state=flying");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.text()).contains("\"state\"");
  }
}
