package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import java.io.IOException;
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

  private SimulatorProcess bot;
  private BotHttp http;
  private Path logfile;

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
    http = new BotHttp(bot, Duration.ofSeconds(5));
  }

  @AfterEach
  void terminate() throws InterruptedException {
    bot.close();
    assertThat(bot.isAlive()).isFalse();
  }

  private BotHttp.Answer call(String method, String path, String authorization)
      throws IOException, InterruptedException {
    return http.call(method, path, authorization, null);
  }

  @Test
  void answersPingWithoutAndEverythingElseOnlyWithCredentials() throws Exception {
    assertThat(call("GET", "ping", null).json().getString("status")).isEqualTo("pong");

    BotHttp.Answer anonymous = call("GET", "show_config", null);
    BotHttp.Answer wrong =
        call(
            "GET",
            "show_config",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("freqtrader:nope".getBytes(StandardCharsets.UTF_8)));
    BotHttp.Answer basic = call("GET", "show_config", BotHttp.BASIC);

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
    BotHttp.Answer login = call("POST", "token/login", BotHttp.BASIC);
    BotHttp.Answer badLogin = call("POST", "token/login", null);
    String access = login.json().getString("access_token");
    String refresh = login.json().getString("refresh_token");

    BotHttp.Answer withAccess = call("GET", "version", "Bearer " + access);
    BotHttp.Answer withRefreshAsAccess = call("GET", "version", "Bearer " + refresh);
    BotHttp.Answer refreshed = call("POST", "token/refresh", "Bearer " + refresh);
    BotHttp.Answer refreshWithAccess = call("POST", "token/refresh", "Bearer " + access);

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
    assertThat(call("POST", "start", BotHttp.BASIC).json().getString("status"))
        .isEqualTo("starting trader ...");
    assertThat(call("POST", "start", BotHttp.BASIC).json().getString("status"))
        .isEqualTo("already running");
    call("POST", "pause", BotHttp.BASIC);
    assertThat(state()).isEqualTo("paused");
    call("POST", "reload_config", BotHttp.BASIC);
    assertThat(state()).isEqualTo("paused");
    call("POST", "start", BotHttp.BASIC);
    call("POST", "stopentry", BotHttp.BASIC);
    assertThat(state()).isEqualTo("paused");
    assertThat(call("POST", "stop", BotHttp.BASIC).json().getString("status"))
        .isEqualTo("stopping trader ...");
    assertThat(state()).isEqualTo("stopped");
    assertThat(call("GET", "start", BotHttp.BASIC).status()).isEqualTo(405);
    assertThat(call("GET", "no_such_route", BotHttp.BASIC).status()).isEqualTo(404);
    assertThat(Files.readString(logfile)).contains("Changing state from paused to: running");
  }

  private String state() throws Exception {
    return call("GET", "show_config", BotHttp.BASIC).json().getString("state");
  }
}
