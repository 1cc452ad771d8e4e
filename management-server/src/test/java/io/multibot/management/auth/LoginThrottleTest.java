package io.multibot.management.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5);

  @Test
  void blocksAUserAfterTheLimitUntilTheWindowMovesOn() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter("alice", "10.0.0." + i)).isEmpty();
      throttle.failed("alice", "10.0.0." + i);
    }

    assertThat(throttle.retryAfter("alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(throttle.retryAfter("alice", "10.0.0.9")).isEmpty();
  }

  @Test
  void blocksAnAddressTryingManyUsernames() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.0.0.1");
    }

    assertThat(throttle.retryAfter("someone-new", "10.0.0.1")).isPresent();
    assertThat(throttle.retryAfter("someone-new", "10.0.0.2")).isEmpty();
  }

  @Test
  void aSuccessClearsTheUsersCountButNotTheAddresses() {
    throttle.failed("bob", "10.0.0.1");
    throttle.failed("bob", "10.0.0.1");
    throttle.succeeded("bob");
    throttle.failed("bob", "10.0.0.1");

    assertThat(throttle.retryAfter("bob", "10.0.0.3")).isEmpty();
  }

  @Test
  void forgetsStaleEntriesSoDistinctNamesCannotFillMemory() {
    for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
      throttle.failed("name" + i, "10.0.0.1");
    }
    clock.advance(Duration.ofHours(1));

    throttle.failed("late", "10.9.9.9");

    assertThat(throttle.tracked()).isEqualTo(2);
  }
}
