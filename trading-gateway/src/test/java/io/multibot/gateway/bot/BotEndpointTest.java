package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Per-bot client state is keyed by the bot, not by its address (issue 16). */
class BotEndpointTest {

  private static final URI PROXY = URI.create("http://10.0.0.7:8080");

  private final BotGuards guards =
      new BotGuards(
          new ClientSettings(
              Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 2, true),
          new MutableClock(Instant.parse("2026-12-03T00:00:00Z")));

  @Test
  void twoBotsBehindOneAddressDoNotShareACircuit() {
    BotEndpoint failing = new BotEndpoint("bot-a", PROXY, "freqtrader", "secret-a");
    BotEndpoint healthy = new BotEndpoint("bot-b", PROXY, "freqtrader", "secret-b");
    for (int i = 0; i < 2; i++) {
      guards.guard(failing.key(), "ping", () -> new FreqtradeResult.Unreachable<String>("down"));
    }

    assertThat(guards.circuitState(failing.key())).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(guards.circuitState(healthy.key())).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(guards.guard(healthy.key(), "ping", () -> new FreqtradeResult.Success<>("pong")))
        .isEqualTo(new FreqtradeResult.Success<>("pong"));
  }

  @Test
  void theKeyNamesBotAddressAndUserButNeverThePassword() {
    BotEndpoint one = new BotEndpoint("bot-a", PROXY, "freqtrader", "secret-a");
    BotEndpoint otherUser = new BotEndpoint("bot-a", PROXY, "operator", "secret-a");
    BotEndpoint newPassword = new BotEndpoint("bot-a", PROXY, "freqtrader", "secret-new");

    assertThat(one.key()).isNotEqualTo(otherUser.key()).isEqualTo(newPassword.key());
    assertThat(one.key()).doesNotContain("secret");
    assertThat(one.toString()).doesNotContain("secret").contains("redacted");
  }
}
