package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a simulated freqtrade bot running as a child process on loopback. */
class FreqtradeClientIT {

  private final FreqtradeClient client =
      new FreqtradeClient(Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2));
  private SimulatorProcess bot;

  @BeforeEach
  void launchBot(@TempDir Path dir) throws Exception {
    bot =
        SimulatorProcess.start(
            dir,
            "\"bot_name\": \"it\", \"stake_currency\": \"USDT\", \"exchange\": {\"name\": \"binance\"}",
            Map.of());
  }

  @AfterEach
  void stopBot() throws InterruptedException {
    bot.close();
  }

  private BotEndpoint endpoint(String password) {
    return new BotEndpoint(URI.create(bot.baseUrl()), SimulatorProcess.USERNAME, password);
  }

  @Test
  void readsTheConfigWithAToken() {
    FreqtradeResult<JsonObject> config = client.showConfig(endpoint(SimulatorProcess.PASSWORD));

    assertThat(config).isInstanceOf(FreqtradeResult.Success.class);
    JsonObject value = ((FreqtradeResult.Success<JsonObject>) config).value();
    assertThat(value.getString("bot_name")).isEqualTo("it");
    assertThat(value.getString("state")).isEqualTo("stopped");
  }

  @Test
  void confirmsControlCallsByReadingTheStateBack() {
    assertThat(client.start(endpoint(SimulatorProcess.PASSWORD)))
        .isEqualTo(new FreqtradeResult.Success<>("running"));
    assertThat(client.pause(endpoint(SimulatorProcess.PASSWORD)))
        .isEqualTo(new FreqtradeResult.Success<>("paused"));
    assertThat(client.stop(endpoint(SimulatorProcess.PASSWORD)))
        .isEqualTo(new FreqtradeResult.Success<>("stopped"));
  }

  @Test
  void reportsWrongCredentials() {
    assertThat(client.showConfig(endpoint("wrong")))
        .isEqualTo(new FreqtradeResult.AuthFailed<>("Incorrect username or password"));
  }

  @Test
  void reportsABotThatIsGone() throws Exception {
    bot.close();

    assertThat(client.showConfig(endpoint(SimulatorProcess.PASSWORD)))
        .isInstanceOf(FreqtradeResult.Unreachable.class);
  }
}
