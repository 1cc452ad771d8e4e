package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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

  @TempDir private Path dir;

  @Test
  void commandsGoFromTheApiThroughRedisAndTheGatewayToTheBotAndBack() throws Exception {
    String token = ManagementApi.token();
    try (SimulatorProcess bot =
        SimulatorProcess.start(
            dir, CommandCycleIT.BOT_CONFIG + ", \"initial_state\": \"stopped\"", Map.of())) {
      String name = ManagementApi.register(token, bot);

      HttpJson.Answer started =
          ManagementApi.post(token, "/bots/" + name + "/start?wait=15s", null);
      HttpJson.Answer entered =
          ManagementApi.post(
              token,
              "/bots/" + name + "/commands?wait=15s",
              "{\"type\": \"forceenter\", \"pair\": \"XRP/USDT\", \"stakeAmount\": 20}");
      HttpJson.Answer refused =
          ManagementApi.post(
              token,
              "/bots/" + name + "/commands?wait=15s",
              "{\"type\": \"forceexit\", \"tradeId\": 424242}");
      HttpJson.Answer emergency =
          ManagementApi.post(token, "/emergency/stop-all?exitPositions=true", null);
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
    String token = ManagementApi.token();
    try (SimulatorProcess bot = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of())) {
      String name = ManagementApi.register(token, bot);
      assertThat(
              ManagementApi.post(token, "/bots/" + name + "/stop?wait=15s", null)
                  .json()
                  .getString("status"))
          .isEqualTo("SUCCEEDED");

      ModuleRedis.stop();
      awaitReadiness(503);
      List<String> accepted = acceptSixCommands(token, name);
      ModuleRedis.start();
      awaitReadiness(200);

      List<JsonObject> finished = new java.util.ArrayList<>();
      for (String id : accepted) {
        finished.add(awaitFinished(token, id));
      }
      assertSucceededInOrder(finished);
      JsonObject entered = finished.get(4).getJsonObject("result");
      assertThat(entered.getJsonNumber("stake_amount").doubleValue()).isEqualTo(20.0);
      HttpJson.Answer count = HttpJson.send(bot.request("count").GET());
      assertThat(count.json().getInt("current")).as("open trades after exit all").isZero();
    }
  }

  /**
   * A managed bot: the gateway launches it from what management stores (config, strategy source,
   * secrets), runs commands against it, and ends its process on stop.
   */
  @Test
  void theGatewayLaunchesAManagedBotRunsItsCommandsAndStopsIt() throws Exception {
    String token = ManagementApi.token();
    String name = registerManaged(token);

    HttpJson.Answer started = ManagementApi.post(token, "/bots/" + name + "/start?wait=30s", null);
    HttpJson.Answer entered =
        ManagementApi.post(
            token,
            "/bots/" + name + "/commands?wait=15s",
            "{\"type\": \"forceenter\", \"pair\": \"ETH/USDT\", \"stakeAmount\": 12}");
    HttpJson.Answer stopped = ManagementApi.post(token, "/bots/" + name + "/stop?wait=30s", null);

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

  /**
   * Redis loses the record of which managed bots should run and where (a restart without
   * persistence): management writes the bot back from its desired state, and the gateway that runs
   * it says so again, so the next gateway restart adopts the bot instead of abandoning it.
   */
  @Test
  void aManagedBotsRecordLostFromRedisIsWrittenBackFromTheRegistry() throws Exception {
    String token = ManagementApi.token();
    String name = registerManaged(token);
    HttpJson.Answer started = ManagementApi.post(token, "/bots/" + name + "/start?wait=30s", null);
    assertThat(started.json().getString("status")).as(started.text()).isEqualTo("SUCCEEDED");
    String botId = ManagementApi.get(token, "/bots/" + name).json().getString("id");
    io.multibot.common.stream.StreamNames names =
        new io.multibot.common.stream.StreamNames("multibot", 16);
    int partition = names.partitionOf(botId);
    try (var connection =
        new io.multibot.common.redis.RedisConnection(
            System.getProperty("it.redis.url"), java.time.Duration.ofSeconds(2))) {
      var redis = connection.client();
      redis.hdel(names.managed(partition), botId);
      redis.hdel(names.runners(partition), botId);

      ManagementApi.await(
          token,
          "/bots/" + name,
          bot ->
              redis.hexists(names.managed(partition), botId)
                  && redis.hexists(names.runners(partition), botId));
    } finally {
      ManagementApi.post(token, "/bots/" + name + "/stop?wait=30s", null);
    }
  }

  private static String registerManaged(String token) {
    String strategy = ManagementApi.storeStrategy(token, "Managed");
    String name = "managed-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        ManagementApi.botRequest(name, strategy)
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
    HttpJson.Answer created = ManagementApi.post(token, "/bots", request.toString());
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
      HttpJson.Answer answer = ManagementApi.post(token, "/bots/" + name + "/commands", body);
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

  private static final List<String> UNFINISHED = List.of("ACCEPTED", "DISPATCHED", "RUNNING");

  /** The command once it has reached a final state. */
  private static JsonObject awaitFinished(String token, String id) throws InterruptedException {
    return ManagementApi.await(
        token, "/commands/" + id, command -> !UNFINISHED.contains(command.getString("status")));
  }

  /** The batch once this bot's command in it has finished (other bots may still be running). */
  private static JsonObject awaitBatch(String token, String location, String bot)
      throws InterruptedException {
    String path = location.substring(location.indexOf("/api/v1") + "/api/v1".length());
    return ManagementApi.await(
        token,
        path,
        batch ->
            batch.getJsonArray("commands").getValuesAs(JsonObject.class).stream()
                .anyMatch(
                    item ->
                        item.getString("botName").equals(bot)
                            && !UNFINISHED.contains(item.getString("status"))));
  }
}
