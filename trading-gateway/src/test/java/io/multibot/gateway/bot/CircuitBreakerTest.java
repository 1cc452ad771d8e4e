package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
  private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

  @Test
  void opensAfterConsecutiveFailuresOnly() {
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();
    assertThat(circuit.allow()).isTrue();

    circuit.failed();

    assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(circuit.allow()).isFalse();
    assertThat(circuit.remainingOpen()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void letsOneTrialThroughWhenHalfOpenAndClosesOnItsSuccess() {
    for (int i = 0; i < 3; i++) {
      circuit.failed();
    }
    clock.advance(Duration.ofSeconds(30));

    assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(circuit.allow()).isTrue();
    assertThat(circuit.allow()).isFalse();
    circuit.succeeded();
    assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(circuit.allow()).isTrue();
  }

  @Test
  void opensAgainWhenTheTrialFails() {
    for (int i = 0; i < 3; i++) {
      circuit.failed();
    }
    clock.advance(Duration.ofSeconds(31));
    assertThat(circuit.allow()).isTrue();

    circuit.failed();

    assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(circuit.remainingOpen()).isEqualTo(Duration.ofSeconds(30));
  }
}
