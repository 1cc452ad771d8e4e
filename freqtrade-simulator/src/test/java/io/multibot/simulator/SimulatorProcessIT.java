package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator as the gateway will see it: a child process speaking HTTP on loopback. */
class SimulatorProcessIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (SimulatorProcess.USERNAME + ":" + SimulatorProcess.PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));

  private SimulatorProcess bot;
  private String base;
  private Path logfile;

  record Answer(int status, JsonObject json, HttpResponse<String> raw) {}

  @BeforeEach
  void launch(@TempDir Path dir) throws Exception {
    logfile = dir.resolve("freqtrade.log");
    bot =
        SimulatorProcess.start(
            dir,
            "\"bot_name\": \"from-file\", \"stake_currency\": \"USDT\", \"timeframe\": \"5m\","
                + " \"exchange\": {\"name\": \"binance\"}",
            Map.of("FREQTRADE__BOT_NAME", "from-env"),
            "--strategy",
            "SampleStrategy",
            "--logfile",
            logfile.toString());
    base = bot.baseUrl() + "/api/v1/";
  }

  @AfterEach
  void terminate() throws InterruptedException {
    bot.close();
    assertThat(bot.isAlive()).isFalse();
  }

  private Answer call(String method, String path, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(5))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return new Answer(response.statusCode(), reader.readObject(), response);
    }
  }

  @Test
  void answersPingWithoutAndEverythingElseOnlyWithCredentials() throws Exception {
    assertThat(call("GET", "ping", null).json().getString("status")).isEqualTo("pong");

    Answer anonymous = call("GET", "show_config", null);
    Answer wrong =
        call(
            "GET",
            "show_config",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("freqtrader:nope".getBytes(StandardCharsets.UTF_8)));
    Answer basic = call("GET", "show_config", BASIC);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().getString("detail")).isEqualTo("Unauthorized");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(basic.status()).isEqualTo(200);
    assertThat(basic.json().getString("bot_name")).isEqualTo("from-env");
    assertThat(basic.json().getString("state")).isEqualTo("stopped");
    assertThat(basic.json().getString("runmode")).isEqualTo("dry_run");
    assertThat(basic.json().getJsonNumber("api_version").doubleValue()).isEqualTo(2.42);
    assertThat(basic.json().getInt("timeframe_ms")).isEqualTo(300_000);
  }

  @Test
  void issuesAndRefreshesJwtsAsFreqtradeDoes() throws Exception {
    Answer login = call("POST", "token/login", BASIC);
    Answer badLogin = call("POST", "token/login", null);
    String access = login.json().getString("access_token");
    String refresh = login.json().getString("refresh_token");

    Answer withAccess = call("GET", "version", "Bearer " + access);
    Answer withRefreshAsAccess = call("GET", "version", "Bearer " + refresh);
    Answer refreshed = call("POST", "token/refresh", "Bearer " + refresh);
    Answer refreshWithAccess = call("POST", "token/refresh", "Bearer " + access);

    assertThat(login.status()).isEqualTo(200);
    assertThat(badLogin.status()).isEqualTo(401);
    assertThat(badLogin.json().getString("detail")).isEqualTo("Incorrect username or password");
    assertThat(withAccess.status()).isEqualTo(200);
    assertThat(withRefreshAsAccess.status()).isEqualTo(401);
    assertThat(refreshed.json().getString("access_token")).isNotBlank();
    assertThat(refreshed.json().containsKey("refresh_token")).isFalse();
    assertThat(refreshWithAccess.status()).isEqualTo(401);
    assertThat(refreshWithAccess.json().getString("detail"))
        .isEqualTo("Could not validate credentials");
    assertThat(refreshWithAccess.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
  }

  @Test
  void followsFreqtradesStateMachine() throws Exception {
    assertThat(call("POST", "start", BASIC).json().getString("status"))
        .isEqualTo("starting trader ...");
    assertThat(call("POST", "start", BASIC).json().getString("status"))
        .isEqualTo("already running");
    call("POST", "pause", BASIC);
    assertThat(state()).isEqualTo("paused");
    call("POST", "reload_config", BASIC);
    assertThat(state()).isEqualTo("paused");
    call("POST", "start", BASIC);
    call("POST", "stopentry", BASIC);
    assertThat(state()).isEqualTo("paused");
    assertThat(call("POST", "stop", BASIC).json().getString("status"))
        .isEqualTo("stopping trader ...");
    assertThat(state()).isEqualTo("stopped");
    assertThat(call("GET", "start", BASIC).status()).isEqualTo(405);
    assertThat(call("GET", "no_such_route", BASIC).status()).isEqualTo(404);
    assertThat(Files.readString(logfile)).contains("Changing state from paused to: running");
  }

  private String state() throws Exception {
    return call("GET", "show_config", BASIC).json().getString("state");
  }
}
