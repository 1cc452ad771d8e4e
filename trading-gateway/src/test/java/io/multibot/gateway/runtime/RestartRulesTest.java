package io.multibot.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartRulesTest {

  private static RuntimeSettings settings(Duration backoff, Duration max) {
    return new RuntimeSettings(
        List.of("freqtrade"),
        Path.of("bots"),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        backoff,
        max,
        5,
        Duration.ofMinutes(5),
        50,
        false,
        Duration.ofMinutes(10));
  }

  @Test
  void waitsDoubleFromTheFirstUpToTheLongest() {
    RuntimeSettings settings = settings(Duration.ofSeconds(1), Duration.ofSeconds(10));

    assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(settings::backoffBefore))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
  }

  @Test
  void policiesDecideByExitCode() {
    assertThat(RestartPolicy.ALWAYS.restartsAfter(0)).isTrue();
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(0)).isFalse();
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(137)).isTrue();
    assertThat(RestartPolicy.NEVER.restartsAfter(1)).isFalse();
    assertThat(RestartPolicy.fromWire("on-failure")).contains(RestartPolicy.ON_FAILURE);
    assertThat(RestartPolicy.fromWire("sometimes")).isEmpty();
  }

  @Test
  void aBotIdThatCouldLeaveTheWorkspacesIsRefused() {
    Path base = Path.of("bots");

    assertThat(BotWorkspace.directory(base, "3f2a-bot_1")).isEqualTo(base.resolve("3f2a-bot_1"));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> BotWorkspace.directory(base, "../etc"));
  }
}
