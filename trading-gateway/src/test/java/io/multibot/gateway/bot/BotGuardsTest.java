package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BotGuardsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
  private final BotGuards guards =
      new BotGuards(
          new ClientSettings(
              Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 2, true),
          clock);

  private static FreqtradeResult<String> ok() {
    return new FreqtradeResult.Success<>("ok");
  }

  @Test
  void classifiesWhatCountsAsTheBotFailing() {
    assertThat(BotGuards.isBotFailure(new FreqtradeResult.Unreachable<>("x"))).isTrue();
    assertThat(BotGuards.isBotFailure(new FreqtradeResult.TimedOut<>(Duration.ZERO))).isTrue();
    assertThat(BotGuards.isBotFailure(new FreqtradeResult.Refused<>(500, "x"))).isTrue();
    assertThat(BotGuards.isBotFailure(new FreqtradeResult.Refused<>(502, "RPC"))).isFalse();
    assertThat(BotGuards.isBotFailure(new FreqtradeResult.Refused<>(404, "x"))).isFalse();
    assertThat(BotGuards.isBotFailure(new FreqtradeResult.AuthFailed<>("x"))).isFalse();
  }

  @Test
  void opensOneBotsCircuitWithoutTouchingAnother() {
    guards.guard("dead", "show_config", () -> new FreqtradeResult.Unreachable<String>("refused"));
    guards.guard("dead", "show_config", () -> new FreqtradeResult.Unreachable<String>("refused"));

    FreqtradeResult<String> blocked = guards.guard("dead", "show_config", BotGuardsTest::ok);

    assertThat(blocked).isInstanceOf(FreqtradeResult.Unreachable.class);
    assertThat(((FreqtradeResult.Unreachable<String>) blocked).reason()).startsWith("circuit open");
    assertThat(guards.guard("alive", "show_config", BotGuardsTest::ok)).isEqualTo(ok());
    clock.advance(Duration.ofSeconds(10));
    assertThat(guards.guard("dead", "show_config", BotGuardsTest::ok)).isEqualTo(ok());
    assertThat(guards.circuitState("dead")).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void turnsAwayCallsBeyondTheBulkheadWhileOtherBotsGoOn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 2; i++) {
        Future<?> unused =
            pool.submit(
                () ->
                    guards.guard(
                        "slow",
                        "show_config",
                        () -> {
                          inside.countDown();
                          await(release);
                          return ok();
                        }));
      }
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

      FreqtradeResult<String> turnedAway = guards.guard("slow", "show_config", BotGuardsTest::ok);

      assertThat(turnedAway).isInstanceOf(FreqtradeResult.RateLimited.class);
      assertThat(guards.guard("other", "show_config", BotGuardsTest::ok)).isEqualTo(ok());
    } finally {
      release.countDown();
      pool.shutdown();
    }
  }

  @Test
  void spendsTheRateBudgetAndHonoursA429() {
    for (int i = 0; i < 5; i++) {
      assertThat(guards.guard("bot", "stop", BotGuardsTest::ok)).isEqualTo(ok());
    }
    assertThat(guards.guard("bot", "stop", BotGuardsTest::ok))
        .isInstanceOf(FreqtradeResult.RateLimited.class);

    guards.guard(
        "bot",
        "version",
        () -> new FreqtradeResult.RateLimited<String>(Duration.ofSeconds(7), "429"));
    FreqtradeResult<String> waiting = guards.guard("bot", "version", BotGuardsTest::ok);

    assertThat(((FreqtradeResult.RateLimited<String>) waiting).retryAfter())
        .isEqualTo(Duration.ofSeconds(7));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
