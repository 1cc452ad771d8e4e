package io.multibot.gateway.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against misbehaving bots: hanging, dying mid-call, rate limiting, and dead long enough
 * for its circuit to open, then back.
 */
class FreqtradeFaultsIT {

  @TempDir private Path dir;

  private SimulatorProcess start(String knobs) throws Exception {
    return SimulatorProcess.start(
        dir, FreqtradeClientIT.MARKET + (knobs.isEmpty() ? "" : ", " + knobs) + "}", Map.of());
  }

  private static BotEndpoint endpoint(SimulatorProcess bot) {
    return new BotEndpoint(
        "bot-" + bot.baseUrl(),
        URI.create(bot.baseUrl()),
        SimulatorProcess.USERNAME,
        SimulatorProcess.PASSWORD);
  }

  private static ClientSettings settings(
      int failures, Duration openFor, int bulkhead, boolean budget) {
    return new ClientSettings(
        Duration.ofSeconds(1), Duration.ofSeconds(1), failures, openFor, bulkhead, budget);
  }

  @Test
  void aHangingBotTimesOutAndCannotHoldUpAnother() throws Exception {
    try (SimulatorProcess hanging = start("\"hang_routes\": [\"profit\"]");
        SimulatorProcess healthy = start("")) {
      FreqtradeClient client =
          new FreqtradeClient(
              Clock.systemUTC(),
              new ClientSettings(
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(5),
                  5,
                  Duration.ofSeconds(30),
                  2,
                  false));
      FreqtradeClientIT.value(client.showConfig(endpoint(hanging)));
      List<CompletableFuture<FreqtradeResult<ProfitSummary>>> stuck =
          List.of(
              CompletableFuture.supplyAsync(() -> client.profit(endpoint(hanging))),
              CompletableFuture.supplyAsync(() -> client.profit(endpoint(hanging))));
      Thread.sleep(200);

      FreqtradeResult<ProfitSummary> other = client.profit(endpoint(healthy));
      boolean stillHanging = stuck.stream().noneMatch(CompletableFuture::isDone);
      FreqtradeResult<ProfitSummary> third = client.profit(endpoint(hanging));

      assertThat(other.isSuccess()).isTrue();
      assertThat(stillHanging)
          .as("the healthy bot answered while the hanging calls waited")
          .isTrue();
      assertThat(third).isInstanceOf(FreqtradeResult.RateLimited.class);
      for (CompletableFuture<FreqtradeResult<ProfitSummary>> call : stuck) {
        assertThat(call.get(10, TimeUnit.SECONDS))
            .isEqualTo(new FreqtradeResult.TimedOut<>(Duration.ofSeconds(5)));
      }
    }
  }

  @Test
  void aBotThatDiesMidCallIsUnreachable() throws Exception {
    SimulatorProcess dying = start("\"exit_on_route\": \"status\"");
    FreqtradeClient client =
        new FreqtradeClient(Clock.systemUTC(), settings(5, Duration.ofSeconds(30), 4, false));
    FreqtradeClientIT.value(client.showConfig(endpoint(dying)));

    FreqtradeResult<List<TradeView>> result = client.openTrades(endpoint(dying));

    assertThat(result).isInstanceOf(FreqtradeResult.Unreachable.class);
    assertThat(dying.exitCode()).isEqualTo(137);
  }

  @Test
  void reportsTheBotsRateLimitAndKeepsItsOwnBudget() throws Exception {
    try (SimulatorProcess limited = start("\"rate_limits\": true")) {
      FreqtradeClient unbudgeted =
          new FreqtradeClient(Clock.systemUTC(), settings(5, Duration.ofSeconds(30), 4, false));
      FreqtradeClient budgeted =
          new FreqtradeClient(Clock.systemUTC(), settings(5, Duration.ofSeconds(30), 4, true));
      for (int i = 0; i < 5; i++) {
        FreqtradeClientIT.value(unbudgeted.count(endpoint(limited)));
        FreqtradeClientIT.value(budgeted.profit(endpoint(limited)));
      }

      FreqtradeResult<TradeCount> fromBot = unbudgeted.count(endpoint(limited));
      FreqtradeResult<ProfitSummary> fromBudget = budgeted.profit(endpoint(limited));

      assertThat(fromBot).isInstanceOf(FreqtradeResult.RateLimited.class);
      assertThat(((FreqtradeResult.RateLimited<TradeCount>) fromBot).reason())
          .isEqualTo("the bot answered 429");
      assertThat(((FreqtradeResult.RateLimited<TradeCount>) fromBot).retryAfter()).isPositive();
      assertThat(((FreqtradeResult.RateLimited<ProfitSummary>) fromBudget).reason())
          .isEqualTo("client-side budget for /profit");
      assertThat(unbudgeted.count(endpoint(limited)))
          .isInstanceOf(FreqtradeResult.RateLimited.class);
    }
  }

  @Test
  void opensTheCircuitOfADeadBotAndClosesItWhenTheBotIsBack() throws Exception {
    SimulatorProcess bot = start("");
    try {
      FreqtradeClient client =
          new FreqtradeClient(Clock.systemUTC(), settings(2, Duration.ofSeconds(2), 4, false));
      BotEndpoint endpoint = endpoint(bot);
      FreqtradeClientIT.value(client.showConfig(endpoint));
      bot.kill();

      client.showConfig(endpoint);
      client.showConfig(endpoint);
      FreqtradeResult<BotConfig> fast = client.showConfig(endpoint);
      assertThat(client.circuitState(endpoint)).isEqualTo(CircuitBreaker.State.OPEN);
      assertThat(((FreqtradeResult.Unreachable<BotConfig>) fast).reason())
          .startsWith("circuit open");

      bot = bot.restart();
      Thread.sleep(2_100);

      assertThat(client.showConfig(endpoint).isSuccess()).isTrue();
      assertThat(client.circuitState(endpoint)).isEqualTo(CircuitBreaker.State.CLOSED);
    } finally {
      bot.close();
    }
  }
}
