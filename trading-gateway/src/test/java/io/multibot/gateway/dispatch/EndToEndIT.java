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

  private static String register(String token, SimulatorProcess bot) {
    String strategy = "E2e" + UUID.randomUUID().toString().replace("-", "");
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
    String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        Json.createObjectBuilder()
            .add("name", name)
            .add("strategy", Json.createObjectBuilder().add("name", strategy))
            .add("exchange", "binance")
            .add("stakeCurrency", "USDT")
            .add("stakeAmount", 100)
            .add("maxOpenTrades", 3)
            .add("timeframe", "5m")
            .add("pairWhitelist", Json.createArrayBuilder().add("BTC/USDT"))
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
