package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(24));

  @Test
  void waitsDoubleUpToTheirCap() {
    assertThat(policy.next(T0, 1, T0, null)).isEqualTo(T0.plusSeconds(5));
    assertThat(policy.next(T0, 2, T0, null)).isEqualTo(T0.plusSeconds(10));
    assertThat(policy.next(T0, 3, T0, null)).isEqualTo(T0.plusSeconds(20));
    assertThat(policy.next(T0, 60, T0, null)).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void theChannelsOwnLongerWaitIsHonoured() {
    assertThat(policy.next(T0, 1, T0, Duration.ofSeconds(30))).isEqualTo(T0.plusSeconds(30));
    assertThat(policy.next(T0, 3, T0, Duration.ofSeconds(1))).isEqualTo(T0.plusSeconds(20));
  }

  @Test
  void givesUpOnlyOnceTheWholePeriodHasPassed() {
    Instant late = T0.plus(Duration.ofHours(23).plusMinutes(55));
    assertThat(policy.next(T0, 100, late, null)).as("10 min more would pass 24 h").isNull();
    assertThat(policy.next(T0, 100, T0.plus(Duration.ofHours(23)), null)).isNotNull();
  }
}
