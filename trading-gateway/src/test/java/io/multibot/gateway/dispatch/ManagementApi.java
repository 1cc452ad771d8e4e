package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.AnswerContract;
import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** The management-e2e server's API, as the end-to-end tests use it (signed in as admin). */
final class ManagementApi {

  static final String API =
      "http://localhost:" + System.getProperty("it.e2e.management.port") + "/api/v1";

  /**
   * The management API's committed document (kept equal to what the server serves by its own
   * module's OpenApiDocumentIT): every answer these tests get is checked against it.
   */
  private static final AnswerContract CONTRACT = contract();

  private ManagementApi() {}

  private static AnswerContract contract() {
    try {
      return new AnswerContract(
          Files.readString(Path.of("..", "docs", "openapi", "management-api.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpJson.Answer checked(String method, String path, HttpJson.Answer answer) {
    return CONTRACT.checked(method, URI.create(API + path), answer);
  }

  /** The login body of the test servers' admin. */
  static String adminCredentials() {
    return Json.createObjectBuilder()
        .add("username", "admin")
        .add("password", System.getProperty("it.admin.password"))
        .build()
        .toString();
  }

  /** Signs in as admin, waiting for the management server to have deployed its application. */
  static String token() throws InterruptedException {
    String credentials = adminCredentials();
    HttpJson.Answer login = null;
    for (int i = 0; i < 120; i++) {
      try {
        login =
            checkedIfApi("POST", "/auth/login", HttpJson.post(API + "/auth/login", credentials));
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

  static HttpJson.Answer post(String token, String path, String body) {
    return checked("POST", path, HttpJson.send(postRequest(token, path, body)));
  }

  static HttpRequest.Builder postRequest(String token, String path, String body) {
    return HttpJson.json(API + path)
        .header("Authorization", "Bearer " + token)
        .POST(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
  }

  /**
   * A POST while a fault scenario kills and restarts management: an answer of the container itself,
   * given while the application is not deployed yet (no JSON body), is not the API's and is passed
   * on unchecked; every other answer is checked.
   */
  static HttpJson.Answer postDuringFaults(HttpRequest.Builder request, String path) {
    return checkedIfApi("POST", path, HttpJson.send(request));
  }

  /**
   * Checks an answer of the application; one without a JSON body is the container's own (the
   * application is not deployed yet, or again) and is passed on unchecked.
   */
  private static HttpJson.Answer checkedIfApi(String method, String path, HttpJson.Answer answer) {
    boolean json =
        answer.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
    return json ? checked(method, path, answer) : answer;
  }

  static HttpJson.Answer get(String token, String path) {
    return bodiless("GET", token, path);
  }

  static HttpJson.Answer delete(String token, String path) {
    return bodiless("DELETE", token, path);
  }

  private static HttpJson.Answer bodiless(String method, String token, String path) {
    return checked(
        method,
        path,
        HttpJson.send(
            HttpRequest.newBuilder(URI.create(API + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())));
  }

  /** What every test bot has: a binance USDT dry run on BTC and ETH. */
  static jakarta.json.JsonObjectBuilder botRequest(String name, String strategy) {
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
  static String storeStrategy(String token, String prefix) {
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

  /** Registers a simulator process as an external bot; returns its name. */
  static String register(String token, SimulatorProcess bot, String... tags) {
    String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        botRequest(name, storeStrategy(token, "E2e"))
            .add("tags", Json.createArrayBuilder(java.util.List.of(tags)))
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

  /**
   * Registers a managed simulator bot that exits as soon as it is asked for its config (which the
   * gateway's first poll does), with this restart policy.
   */
  static void registerCrashingBot(String token, String name, String restartPolicy) {
    JsonObject request =
        botRequest(name, storeStrategy(token, "Crashing"))
            .add(
                "config",
                Json.createObjectBuilder()
                    .add(
                        "simulator",
                        Json.createObjectBuilder().add("exit_on_route", "show_config")))
            .add("runMode", "managed")
            .add("restartPolicy", restartPolicy)
            .build();
    HttpJson.Answer created = post(token, "/bots", request.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
  }

  /** Reads the path (60 s at most, every 250 ms) until it answers 200 and meets the condition. */
  static JsonObject await(String token, String path, Predicate<JsonObject> condition)
      throws InterruptedException {
    return await(token, path, condition, Duration.ofMillis(250), Duration.ofMinutes(1));
  }

  /** Reads {@code path} every {@code every} until its answer meets the condition. */
  static JsonObject await(
      String token, String path, Predicate<JsonObject> condition, Duration every, Duration patience)
      throws InterruptedException {
    JsonObject last = null;
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      HttpJson.Answer answer = ManagementApi.get(token, path);
      if (answer.status() == 200) {
        last = answer.json();
        if (condition.test(last)) {
          return last;
        }
      }
      Thread.sleep(every.toMillis());
    }
    throw new AssertionError(path + " never met the condition; last: " + last);
  }
}
