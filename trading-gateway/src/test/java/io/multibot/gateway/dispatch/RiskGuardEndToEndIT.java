package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpReceiver;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A risk guard with every real part: a simulated bot that loses money when its pair crashes (the
 * simulator's price shock), the gateway polling it, management's guard tripping on the figures that
 * arrive, its pause going through the command cycle to the bot, one message to a real receiver, the
 * audit entry, and re-arming once the price has come back. The time from the crash to the trip is
 * written to {@code target/risk-latency.txt}.
 */
class RiskGuardEndToEndIT {

  /** A still market (one candle an hour), no history: every loss is the crash's. */
  private static final String BOT =
      "\"stake_currency\": \"USDT\", \"stake_amount\": 100, \"max_open_trades\": 3,"
          + " \"dry_run_wallet\": 1000, \"exchange\": {\"name\": \"binance\", \"pair_whitelist\":"
          + " [\"BTC/USDT\", \"ETH/USDT\"]}, \"initial_state\": \"running\","
          + " \"force_entry_enable\": true, \"simulator\": {\"seed\": 8, \"tick_ms\": 3600000,"
          + " \"history_candles\": 0, \"control_routes\": true}";

  /** The gateway-it server's {@code status.interval}. */
  private static final Duration POLL = Duration.ofSeconds(1);

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @TempDir private Path dir;

  @Test
  void aCrashTripsTheGuardWhichPausesTheBotNotifiesOnceAuditsAndRearms() throws Exception {
    String token = ManagementApi.token();
    try (SimulatorProcess sim = SimulatorProcess.start(dir, BOT, Map.of());
        HttpReceiver receiver = new HttpReceiver()) {
      String bot = attached(token, sim, "risk-e2e");
      notifyTrips(token, receiver, bot);
      String policy = "e2e-dd-" + suffix;
      createPolicy(token, policy, bot);
      assertThat(simulator(sim, "forceenter", "{\"pair\": \"ETH/USDT\", \"stakeamount\": 500}"))
          .as("a position to lose money on")
          .isEqualTo(200);

      Instant crash = Instant.now();
      assertThat(shock(sim, -40)).isEqualTo(200);
      JsonObject tripped =
          ManagementApi.await(
              token, "/risk/policies/" + policy, p -> p.getString("state").equals("tripped"));
      Duration latency = Duration.between(crash, Instant.parse(tripped.getString("trippedAt")));
      report("price crash -> guard tripped (status every " + POLL.toMillis() + " ms): " + latency);
      assertThat(latency)
          .as(
              "evaluated on the report that showed it: within a poll, with room for a loaded machine")
          .isLessThan(POLL.multipliedBy(3));

      assertPausedThroughTheCycle(token, sim, tripped.getString("trippedBatch"));
      assertAuditedAndNotifiedOnce(token, receiver, policy);
      assertRearmsOnceRecovered(token, sim, policy);
    }
  }

  @Test
  void aTradeClosedAtALossBeyondTheRulesPercentIsToldOnce() throws Exception {
    String token = ManagementApi.token();
    try (SimulatorProcess sim = SimulatorProcess.start(dir, BOT, Map.of());
        HttpReceiver receiver = new HttpReceiver()) {
      String bot = attached(token, sim, "loss-e2e");
      String channel = hook(token, receiver, "e2e-loss-" + suffix);
      createRule(
          token,
          rule("e2e-loss-" + suffix, "trade.closed-with-loss", bot, channel)
              .add("tradeLossPercent", 10));
      int small = enter(sim, "BTC/USDT");
      int big = enter(sim, "ETH/USDT");
      Thread.sleep(POLL.multipliedBy(5).toMillis());

      assertThat(shock(sim, "BTC/USDT", -3)).isEqualTo(200);
      assertThat(shock(sim, "ETH/USDT", -30)).isEqualTo(200);
      exit(token, bot, small);
      exit(token, bot, big);

      JsonObject message = awaitMessage(receiver, "trade.closed-with-loss");
      assertThat(message.getString("subject"))
          .isEqualTo("trade " + big + " ETH/USDT (bot " + bot + ")");
      assertThat(message.getString("text")).startsWith("closed at -30.").contains("force_exit");
      Thread.sleep(POLL.multipliedBy(6).toMillis());
      assertThat(messages(receiver, "trade.closed-with-loss"))
          .as("the 3 % loss is below the rule's 10 %; the 30 % one is told once")
          .isEqualTo(1);
    }
  }

  /** The simulator registered as an external bot, once its gateway has reached it. */
  private static String attached(String token, SimulatorProcess sim, String tag)
      throws InterruptedException {
    String bot = ManagementApi.register(token, sim, tag);
    ManagementApi.await(token, "/bots/" + bot + "/status", s -> s.getBoolean("reachable"));
    return bot;
  }

  private static long messages(HttpReceiver receiver, String event) {
    return receiver.received().stream()
        .map(r -> Json.createReader(new StringReader(r.body())).readObject())
        .filter(m -> m.getString("event").equals(event))
        .count();
  }

  private static int enter(SimulatorProcess sim, String pair) {
    HttpJson.Answer entered =
        HttpJson.send(
            sim.request("forceenter")
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString("{\"pair\": \"" + pair + "\", \"stakeamount\": 200}")));
    assertThat(entered.status()).as(entered.text()).isEqualTo(200);
    return entered.json().getInt("trade_id");
  }

  /** A force exit through the whole command cycle, waited for. */
  private static void exit(String token, String bot, int trade) {
    HttpJson.Answer exited =
        ManagementApi.post(
            token,
            "/bots/" + bot + "/commands?wait=30s",
            "{\"type\": \"forceexit\", \"tradeId\": " + trade + "}");
    assertThat(exited.json().getString("status")).as(exited.text()).isEqualTo("SUCCEEDED");
  }

  private static JsonObject awaitMessage(HttpReceiver receiver, String event)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      var found =
          receiver.received().stream()
              .map(r -> Json.createReader(new StringReader(r.body())).readObject())
              .filter(m -> m.getString("event").equals(event))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + event + " message; received " + receiver.received());
  }

  private static void assertPausedThroughTheCycle(String token, SimulatorProcess sim, String batch)
      throws Exception {
    JsonObject finished =
        ManagementApi.await(
            token,
            "/commands/batches/" + batch,
            b ->
                b.getJsonArray("commands")
                    .getJsonObject(0)
                    .getString("status")
                    .equals("SUCCEEDED"));
    assertThat(finished.getString("type")).isEqualTo("pause");
    assertThat(finished.getString("issuedBy")).isEqualTo("risk-guard");
    HttpJson.Answer config = HttpJson.send(sim.request("show_config").GET());
    assertThat(config.json().getString("state")).as("the bot itself is paused").isEqualTo("paused");
  }

  private static void assertAuditedAndNotifiedOnce(
      String token, HttpReceiver receiver, String policy) throws Exception {
    Thread.sleep(POLL.multipliedBy(3).toMillis());
    JsonObject audit =
        ManagementApi.get(
                token, "/audit?action=risk.tripped&target=/api/v1/risk/policies/" + policy)
            .json();
    assertThat(audit.getInt("totalItems")).as("still breached, acted once").isEqualTo(1);
    assertThat(audit.getJsonArray("items").getJsonObject(0).getString("username"))
        .isEqualTo("risk-guard");
    assertThat(messages(receiver, "risk-guard.tripped"))
        .as("one message for one trip")
        .isEqualTo(1);
  }

  private static void assertRearmsOnceRecovered(String token, SimulatorProcess sim, String policy)
      throws Exception {
    assertThat(shock(sim, 70)).isEqualTo(200);
    ManagementApi.await(
        token, "/risk/policies/" + policy + "/evaluation", e -> !e.getBoolean("breached"));
    HttpJson.Answer rearmed =
        ManagementApi.post(token, "/risk/policies/" + policy + "/rearm", null);
    assertThat(rearmed.status()).as(rearmed.text()).isEqualTo(200);
    Thread.sleep(POLL.multipliedBy(3).toMillis());
    assertThat(ManagementApi.get(token, "/risk/policies/" + policy).json().getString("state"))
        .as("the loss has gone: it stays armed")
        .isEqualTo("armed");
  }

  private void notifyTrips(String token, HttpReceiver receiver, String bot) {
    String channel = hook(token, receiver, "e2e-risk-" + suffix);
    createRule(
        token,
        rule("e2e-risk-" + suffix, "risk-guard.tripped", bot, channel)
            .add("dedupWindow", "PT0S")
            .add("sendResolved", false));
  }

  private static jakarta.json.JsonObjectBuilder rule(
      String name, String event, String bot, String channel) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("events", Json.createArrayBuilder().add(event))
        .add("bots", Json.createArrayBuilder().add(bot))
        .add("channels", Json.createArrayBuilder().add(channel));
  }

  private static void createRule(String token, jakarta.json.JsonObjectBuilder rule) {
    HttpJson.Answer ruled =
        ManagementApi.post(token, "/notifications/rules", rule.build().toString());
    assertThat(ruled.status()).as(ruled.text()).isEqualTo(201);
  }

  /** A webhook channel to the receiver; its name. */
  private String hook(String token, HttpReceiver receiver, String channel) {
    JsonObject hook =
        Json.createObjectBuilder()
            .add("name", channel)
            .add("type", "webhook")
            .add(
                "secrets",
                Json.createObjectBuilder()
                    .add("url", receiver.url("/risk"))
                    .add("signingSecret", "e2e-risk-signing-" + suffix))
            .build();
    HttpJson.Answer created = ManagementApi.post(token, "/notifications/channels", hook.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return channel;
  }

  private static void createPolicy(String token, String policy, String bot) {
    HttpJson.Answer created =
        ManagementApi.post(
            token,
            "/risk/policies",
            Json.createObjectBuilder()
                .add("name", policy)
                .add("bot", bot)
                .add("kind", "max-drawdown-percent")
                .add("threshold", 10)
                .add("action", "pause")
                .build()
                .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
  }

  private static int simulator(SimulatorProcess sim, String route, String body) {
    return HttpJson.send(
            sim.request(route)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)))
        .status();
  }

  /** Moves ETH/USDT's price by this percentage at once (the simulator's price shock). */
  private static int shock(SimulatorProcess sim, double percent) {
    return shock(sim, "ETH/USDT", percent);
  }

  /** Moves the pair's price by this percentage at once. */
  private static int shock(SimulatorProcess sim, String pair, double percent) {
    return HttpJson.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(sim.baseUrl() + "/_simulator/price_shock"))
                .header("Authorization", SimulatorProcess.AUTHORIZATION)
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"pair\": \"" + pair + "\", \"percent\": " + percent + "}")))
        .status();
  }

  private static void report(String line) throws java.io.IOException {
    Files.writeString(
        Path.of("target", "risk-latency.txt"),
        Instant.now() + " " + line + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
