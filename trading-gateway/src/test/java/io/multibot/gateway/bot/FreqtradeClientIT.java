package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a simulated freqtrade bot running as a child process on loopback. */
class FreqtradeClientIT {

  private final FreqtradeClient client =
      new FreqtradeClient(Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2));
  private Process bot;
  private int port;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @BeforeEach
  void launchBot(@TempDir Path dir) throws Exception {
    port = freePort();
    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            "{\"bot_name\": \"it\", \"stake_currency\": \"USDT\", \"exchange\": {\"name\": \"binance\"},"
                + " \"api_server\": {\"enabled\": true, \"listen_ip_address\": \"127.0.0.1\","
                + " \"listen_port\": "
                + port
                + ", \"username\": \"ft\", \"password\": \"pw\", \"jwt_secret_key\": \"k\"}}");
    bot =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("simulator.jar"),
                "trade",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!listening(port)) {
      assertThat(System.nanoTime()).as("simulator did not start").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @AfterEach
  void stopBot() throws InterruptedException {
    bot.destroy();
    bot.waitFor(10, TimeUnit.SECONDS);
  }

  private BotEndpoint endpoint(String password) {
    return new BotEndpoint(URI.create("http://127.0.0.1:" + port), "ft", password);
  }

  @Test
  void readsTheConfigWithAToken() {
    FreqtradeResult<JsonObject> config = client.showConfig(endpoint("pw"));

    assertThat(config).isInstanceOf(FreqtradeResult.Success.class);
    JsonObject value = ((FreqtradeResult.Success<JsonObject>) config).value();
    assertThat(value.getString("bot_name")).isEqualTo("it");
    assertThat(value.getString("state")).isEqualTo("stopped");
  }

  @Test
  void confirmsControlCallsByReadingTheStateBack() {
    assertThat(client.start(endpoint("pw"))).isEqualTo(new FreqtradeResult.Success<>("running"));
    assertThat(client.pause(endpoint("pw"))).isEqualTo(new FreqtradeResult.Success<>("paused"));
    assertThat(client.stop(endpoint("pw"))).isEqualTo(new FreqtradeResult.Success<>("stopped"));
  }

  @Test
  void reportsWrongCredentials() {
    assertThat(client.showConfig(endpoint("wrong")))
        .isEqualTo(new FreqtradeResult.AuthFailed<>("Incorrect username or password"));
  }

  @Test
  void reportsABotThatIsGone() throws Exception {
    bot.destroy();
    bot.waitFor(10, TimeUnit.SECONDS);

    assertThat(client.showConfig(endpoint("pw"))).isInstanceOf(FreqtradeResult.Unreachable.class);
  }
}
