package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
  private final RateBudget budget = new RateBudget(clock);

  @Test
  void keepsEachBotAndRouteInsideFreqtradesLimits() {
    for (int i = 0; i < 5; i++) {
      assertThat(budget.take("bot-a", "profit")).isEmpty();
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(budget.take("bot-a", "profit")).contains(Duration.ofSeconds(55));
    assertThat(budget.take("bot-b", "profit")).isEmpty();
    assertThat(budget.take("bot-a", "count")).isEmpty();
    assertThat(budget.take("bot-a", "show_config")).isEmpty();
    clock.advance(Duration.ofSeconds(55));
    assertThat(budget.take("bot-a", "profit")).isEmpty();
  }

  @Test
  void waitsAsLongAsTheBotSaidAfterA429() {
    budget.block("bot-a", "show_config", Duration.ofSeconds(20));

    assertThat(budget.take("bot-a", "show_config")).contains(Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(20));
    assertThat(budget.take("bot-a", "show_config")).isEmpty();
  }

  @Test
  void forgetsABot() {
    for (int i = 0; i < 5; i++) {
      budget.take("bot-a", "stop");
    }
    budget.forget("bot-a");

    assertThat(budget.take("bot-a", "stop")).isEmpty();
  }

  @Test
  void backgroundReadsLeaveAQuarterOfTheWindowToCommands() {
    RateBudget budget = new RateBudget(new MutableClock(java.time.Instant.EPOCH));
    int polled = 0;
    while (RateBudget.inBackground(() -> budget.take("bot-a", "status")).isEmpty()) {
      polled++;
    }
    int commands = 0;
    while (budget.take("bot-a", "status").isEmpty()) {
      commands++;
    }

    assertThat(polled).isEqualTo(15);
    assertThat(commands).isEqualTo(5);
    assertThat(RateBudget.inBackground(() -> budget.take("bot-b", "forceenter"))).isEmpty();
  }
}
