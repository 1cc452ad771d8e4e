package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command cycle through both deployed servers: the management-e2e server (Derby) accepts
 * commands over its API and publishes them; the gateway-it server runs them against a simulated bot
 * and reports back; management records the outcome the client waits for.
 */
class EndToEndIT {

  private static final String API =
      "http://localhost:" + System.getProperty("it.e2e.management.port") + "/api/v1";

  @TempDir private Path dir;

  /** Signs in as admin, waiting for the management server to have deployed its application. */
  private static String token() throws InterruptedException {
    String credentials =
        Json.createObjectBuilder()
            .add("username", "admin")
            .add("password", System.getProperty("it.admin.password"))
            .build()
            .toString();
    HttpJson.Answer login = null;
    for (int i = 0; i < 120; i++) {
      try {
        login = HttpJson.post(API + "/auth/login", credentials);
        if (login.status() == 200) {
          return login.json().getString("access_token");
        }
      } catch (java.io.UncheckedIOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "management-e2e did not come up: " + (login == null ? "no answer" : login.text()));
  }

  private static HttpJson.Answer post(String token, String path, String body) {
    HttpRequest.Builder request =
        HttpJson.json(API + path)
            .header("Authorization", "Bearer " + token)
            .POST(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    return HttpJson.send(request);
  }

  private static HttpJson.Answer get(String token, String path) {
    return HttpJson.send(
        HttpRequest.newBuilder(URI.create(API + path))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  @Test
  void commandsGoFromTheApiThroughRedisAndTheGatewayToTheBotAndBack() throws Exception {
    String token = token();
    try (SimulatorProcess bot =
        SimulatorProcess.start(
            dir, CommandCycleIT.BOT_CONFIG + ", \"initial_state\": \"stopped\"", Map.of())) {
      String name = register(token, bot);

      HttpJson.Answer started = post(token, "/bots/" + name + "/start?wait=15s", null);
      HttpJson.Answer entered =
          post(
              token,
              "/bots/" + name + "/commands?wait=15s",
              "{\"type\": \"forceenter\", \"pair\": \"XRP/USDT\", \"stakeAmount\": 20}");
      HttpJson.Answer refused =
          post(
              token,
              "/bots/" + name + "/commands?wait=15s",
              "{\"type\": \"forceexit\", \"tradeId\": 424242}");
      HttpJson.Answer emergency = post(token, "/emergency/stop-all?exitPositions=true", null);
      JsonObject batch = awaitBatch(token, emergency.header("Location"), name);

      assertThat(started.status()).as(started.text()).isEqualTo(200);
      assertThat(started.json().getString("status")).isEqualTo("SUCCEEDED");
      assertThat(started.json().getString("gateway")).isNotBlank();
      assertThat(started.json().getJsonObject("result").getString("state")).isEqualTo("running");
      assertThat(entered.json().getString("status")).as(entered.text()).isEqualTo("SUCCEEDED");
      assertThat(entered.json().getJsonObject("result").getJsonNumber("stake_amount").doubleValue())
          .isEqualTo(20.0);
      assertThat(refused.json().getString("status")).isEqualTo("FAILED");
      assertThat(refused.json().getString("reason"))
          .isEqualTo("Error querying /api/v1/forceexit: invalid argument");
      assertThat(batch.getJsonArray("commands").getValuesAs(JsonObject.class))
          .filteredOn(item -> item.getString("botName").equals(name))
          .singleElement()
          .satisfies(item -> assertThat(item.getString("status")).isEqualTo("SUCCEEDED"));
    }
  }

  /**
   * Redis goes away in the middle of a run: both servers stay up and report not ready, management
   * still accepts commands (they are in its database), and once Redis is back every one of them
   * reaches the bot, in the order it was accepted.
   */
  @Test
  void commandsAcceptedWhileRedisIsDownAllRunOnceItIsBack() throws Exception {
    String token = token();
    try (SimulatorProcess bot = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of())) {
      String name = register(token, bot);
      assertThat(post(token, "/bots/" + name + "/stop?wait=15s", null).json().getString("status"))
          .isEqualTo("SUCCEEDED");

      redis("stop");
      awaitReadiness(503);
      List<String> accepted = acceptSixCommands(token, name);
      redis("start");
      awaitReadiness(200);

      List<JsonObject> finished = new java.util.ArrayList<>();
      for (String id : accepted) {
        finished.add(awaitFinished(token, id));
      }
      assertSucceededInOrder(finished);
      JsonObject entered = finished.get(4).getJsonObject("result");
      assertThat(entered.getJsonNumber("stake_amount").doubleValue()).isEqualTo(20.0);
      String basic =
          java.util.Base64.getEncoder()
              .encodeToString(
                  (SimulatorProcess.USERNAME + ":" + SimulatorProcess.PASSWORD)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      HttpJson.Answer count =
          HttpJson.send(
              HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/api/v1/count"))
                  .header("Authorization", "Basic " + basic)
                  .GET());
      assertThat(count.json().getInt("current")).as("open trades after exit all").isZero();
    }
  }

  /**
   * A managed bot: the gateway launches it from what management stores (config, strategy source,
   * secrets), runs commands against it, and ends its process on stop.
   */
  @Test
  void theGatewayLaunchesAManagedBotRunsItsCommandsAndStopsIt() throws Exception {
    String token = token();
    String name = registerManaged(token);

    HttpJson.Answer started = post(token, "/bots/" + name + "/start?wait=30s", null);
    HttpJson.Answer entered =
        post(
            token,
            "/bots/" + name + "/commands?wait=15s",
            "{\"type\": \"forceenter\", \"pair\": \"ETH/USDT\", \"stakeAmount\": 12}");
    HttpJson.Answer stopped = post(token, "/bots/" + name + "/stop?wait=30s", null);

    assertThat(started.status()).as(started.text()).isEqualTo(200);
    assertThat(started.json().getString("status")).as(started.text()).isEqualTo("SUCCEEDED");
    long pid = started.json().getJsonObject("result").getJsonNumber("pid").longValue();
    assertThat(pid).isPositive();
    assertThat(entered.json().getString("status")).as(entered.text()).isEqualTo("SUCCEEDED");
    assertThat(entered.json().getJsonObject("result").getJsonNumber("stake_amount").doubleValue())
        .isEqualTo(12.0);
    assertThat(stopped.json().getString("status")).as(stopped.text()).isEqualTo("SUCCEEDED");
    assertThat(stopped.json().getJsonObject("result").getBoolean("graceful")).isTrue();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  /** What every test bot has: a binance USDT dry run on BTC and ETH. */
  private static jakarta.json.JsonObjectBuilder botRequest(String name, String strategy) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("strategy", Json.createObjectBuilder().add("name", strategy))
        .add("exchange", "binance")
        .add("stakeCurrency", "USDT")
        .add("stakeAmount", 100)
        .add("maxOpenTrades", 3)
        .add("timeframe", "5m")
        .add("pairWhitelist", Json.createArrayBuilder().add("BTC/USDT").add("ETH/USDT"));
  }

  /** Stores a new strategy (a class of that name) and returns its name. */
  private static String storeStrategy(String token, String prefix) {
    String strategy = prefix + UUID.randomUUID().toString().replace("-", "");
    HttpJson.Answer stored =
        post(
            token,
            "/strategies",
            Json.createObjectBuilder()
                .add("name", strategy)
                .add("source", "class " + strategy + "(IStrategy):\n    pass\n")
                .build()
                .toString());
    assertThat(stored.status()).as(stored.text()).isEqualTo(201);
    return strategy;
  }

  private static String registerManaged(String token) {
    String strategy = storeStrategy(token, "Managed");
    String name = "managed-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        botRequest(name, strategy)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("force_entry_enable", true)
                    .add(
                        "simulator",
                        Json.createObjectBuilder()
                            .add("tick_ms", 3600000)
                            .add("history_candles", 0)))
            .add("runMode", "managed")
            .add("restartPolicy", "on-failure")
            .add(
                "secrets",
                Json.createObjectBuilder().add("exchangeKey", "key-1").add("exchangeSecret", "s-1"))
            .build();
    HttpJson.Answer created = post(token, "/bots", request.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return name;
  }

  private static List<String> acceptSixCommands(String token, String name) {
    List<String> accepted = new java.util.ArrayList<>();
    for (String body :
        List.of(
            "{\"type\": \"start\"}",
            "{\"type\": \"pause\"}",
            "{\"type\": \"reload_config\"}",
            "{\"type\": \"start\"}",
            "{\"type\": \"forceenter\", \"pair\": \"XRP/USDT\", \"stakeAmount\": 20}",
            "{\"type\": \"forceexit\", \"tradeId\": \"all\"}")) {
      HttpJson.Answer answer = post(token, "/bots/" + name + "/commands", body);
      assertThat(answer.status()).as(answer.text()).isEqualTo(202);
      accepted.add(answer.json().getString("id"));
    }
    return accepted;
  }

  /** Every command succeeded, each one started after the one before it had finished. */
  private static void assertSucceededInOrder(List<JsonObject> finished) {
    assertThat(finished)
        .allSatisfy(
            command ->
                assertThat(command.getString("status"))
                    .as(command.toString())
                    .isEqualTo("SUCCEEDED"));
    for (int i = 1; i < finished.size(); i++) {
      Instant previousEnd = Instant.parse(finished.get(i - 1).getString("finishedAt"));
      Instant start = Instant.parse(finished.get(i).getString("startedAt"));
      assertThat(start)
          .as("command %d started after %d finished", i, i - 1)
          .isAfterOrEqualTo(previousEnd);
    }
  }

  /** Stops or starts the module's private redis-server (scripts/it-redis.sh). */
  private static void redis(String action) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "bash",
                System.getProperty("it.redis.script"),
                action,
                System.getProperty("it.redis.port")));
    if (action.equals("start")) {
      command.add(System.getProperty("it.redis.dir"));
    }
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor()).as("it-redis.sh %s", action).isZero();
  }

  /** Waits until both servers' readiness answers with this status. */
  private static void awaitReadiness(int status) throws InterruptedException {
    List<String> urls =
        List.of(
            "http://localhost:" + System.getProperty("it.e2e.management.port") + "/health/ready",
            "http://localhost:" + System.getProperty("it.http.port") + "/health/ready");
    for (String url : urls) {
      HttpJson.Answer answer = HttpJson.get(url);
      for (int i = 0; i < 300 && answer.status() != status; i++) {
        Thread.sleep(100);
        answer = HttpJson.get(url);
      }
      assertThat(answer.status()).as(url + ": " + answer.text()).isEqualTo(status);
    }
  }

  /** The command once it has reached a final state. */
  private static JsonObject awaitFinished(String token, String id) throws InterruptedException {
    JsonObject command = null;
    for (int i = 0; i < 600; i++) {
      command = get(token, "/commands/" + id).json();
      if (!List.of("ACCEPTED", "DISPATCHED", "RUNNING").contains(command.getString("status"))) {
        return command;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("command " + id + " did not finish: " + command);
  }

  private static String register(String token, SimulatorProcess bot) {
    String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        botRequest(name, storeStrategy(token, "E2e"))
            .add("runMode", "external")
            .add("apiUrl", bot.baseUrl())
            .add("apiUsername", SimulatorProcess.USERNAME)
            .add(
                "secrets", Json.createObjectBuilder().add("apiPassword", SimulatorProcess.PASSWORD))
            .build();
    HttpJson.Answer created = post(token, "/bots", request.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return name;
  }

  /** The batch once this bot's command in it has finished (other bots may still be running). */
  private static JsonObject awaitBatch(String token, String location, String bot)
      throws InterruptedException {
    String path = location.substring(location.indexOf("/api/v1") + "/api/v1".length());
    JsonObject batch = null;
    for (int i = 0; i < 300; i++) {
      batch = get(token, path).json();
      boolean done =
          batch.getJsonArray("commands").getValuesAs(JsonObject.class).stream()
              .anyMatch(
                  item ->
                      item.getString("botName").equals(bot)
                          && !List.of("ACCEPTED", "DISPATCHED", "RUNNING")
                              .contains(item.getString("status")));
      if (done) {
        return batch;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the kill switch did not finish for " + bot + ": " + batch);
  }
}
