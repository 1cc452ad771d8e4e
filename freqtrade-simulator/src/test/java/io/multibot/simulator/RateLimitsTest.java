package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsFiveProfitCallsAMinutePerClientThenSaysHowLongToWait() {
    RateLimits limits = new RateLimits();
    for (int i = 0; i < 5; i++) {
      assertThat(limits.admit("10.0.0.1", "profit", i * SECOND)).isEmpty();
    }

    assertThat(limits.admit("10.0.0.1", "profit", 10 * SECOND)).contains(Duration.ofSeconds(50));
    assertThat(limits.admit("10.0.0.2", "profit", 10 * SECOND)).isEmpty();
    assertThat(limits.admit("10.0.0.1", "count", 10 * SECOND)).isEmpty();
    assertThat(limits.admit("10.0.0.1", "profit", 60 * SECOND)).isEmpty();
  }

  @Test
  void statusAllowsTwentyAndUnlimitedRoutesAreNotCounted() {
    RateLimits limits = new RateLimits();
    for (int i = 0; i < 20; i++) {
      assertThat(limits.admit("c", "status", 0)).isEmpty();
    }
    assertThat(limits.admit("c", "status", 0)).isPresent();
    for (int i = 0; i < 100; i++) {
      assertThat(limits.admit("c", "show_config", 0)).isEmpty();
    }
  }
}
