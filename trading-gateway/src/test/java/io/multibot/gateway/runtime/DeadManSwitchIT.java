package io.multibot.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.LaunchSpec;
import io.multibot.common.redis.RedisConnection;
import io.multibot.common.status.ProcessState;
import io.multibot.common.testing.RedisServers;
import io.multibot.gateway.bot.BotConfig;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.ClientSettings;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import io.multibot.gateway.safety.DeadManSwitch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-man switch with real parts: its own redis-server process, killed and started again, a
 * managed bot as a real child process (the simulator) under a real supervisor, and the real
 * freqtrade client pausing it over HTTP. Only the Liberty wiring (GatewayLifecycle) is left out.
 */
class DeadManSwitchIT {

  private static final Duration AFTER = Duration.ofSeconds(2);
  private static final String CONFIG =
      "{\"dry_run\": true, \"stake_currency\": \"USDT\", \"stake_amount\": 10,"
          + " \"max_open_trades\": 2, \"timeframe\": \"5m\", \"exchange\": {\"name\": \"binance\","
          + " \"pair_whitelist\": [\"BTC/USDT\"]}, \"simulator\": {\"tick_ms\": 200}}";

  @TempDir private Path dir;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final BlockingQueue<String> announced = new LinkedBlockingQueue<>();
  private Supervisor supervisor;
  private Process redis;
  private RedisConnection connection;

  /** Each part stopped even when another fails to stop, so no bot or Redis outlives the test. */
  @AfterEach
  void stopEverything() {
    try {
      if (supervisor != null) {
        supervisor.close();
      }
    } finally {
      scheduler.shutdownNow();
      if (connection != null) {
        connection.close();
      }
      if (redis != null) {
        redis.destroyForcibly();
      }
    }
  }

  @Test
  void pausesTheRunningBotWhenRedisIsGoneAndSaysSoWhenItIsBack() throws Exception {
    int port = RedisServers.freePort();
    redis = RedisServers.start(port);
    connection = new RedisConnection("redis://127.0.0.1:" + port, Duration.ofMillis(500));
    awaitTrue(() -> answers(connection), "the test's redis-server answers");
    supervisor =
        new Supervisor(
            SupervisorIT.settings(dir, 3),
            scheduler,
            event -> {},
            Clock.systemUTC(),
            SupervisorIT.SEALER);
    LaunchSpec spec = spec();
    BotEndpoint bot = supervisor.start(spec).endpoint().orElseThrow();
    FreqtradeClient client =
        new FreqtradeClient(
            Clock.systemUTC(),
            new ClientSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(2), 5, Duration.ofSeconds(30), 4, false));
    DeadManSwitch deadMan = deadMan(client);
    scheduler.scheduleWithFixedDelay(deadMan::check, 200, 200, TimeUnit.MILLISECONDS);

    Thread.sleep(AFTER.multipliedBy(2).toMillis());
    assertThat(state(client, bot)).as("Redis answers: nothing paused").isEqualTo("running");

    redis.destroyForcibly().waitFor();
    awaitTrue(() -> "paused".equals(state(client, bot)), "the bot paused after Redis went away");
    assertThat(deadMan.tripped()).isTrue();
    assertThat(announced).as("nothing said while Redis is away").isEmpty();

    redis = RedisServers.start(port);
    assertThat(announced.poll(15, TimeUnit.SECONDS)).isEqualTo(spec.botId());
    assertThat(deadMan.tripped()).isFalse();
    assertThat(state(client, bot))
        .as("it stays paused until an operator starts it")
        .isEqualTo("paused");
  }

  private static LaunchSpec spec() {
    return new LaunchSpec(
        "bot-" + UUID.randomUUID(),
        "dead-man",
        CONFIG,
        "ManagedStrategy",
        "class ManagedStrategy(IStrategy):\n    pass\n",
        "always",
        Map.of());
  }

  private DeadManSwitch deadMan(FreqtradeClient client) {
    return new DeadManSwitch(
        AFTER,
        () -> answers(connection),
        () ->
            supervisor.statuses().stream()
                .filter(s -> s.state() == ProcessState.RUNNING)
                .map(ManagedStatus::botId)
                .toList(),
        botId -> supervisor.endpoint(botId).map(b -> client.pause(b).isSuccess()).orElse(false),
        (botId, since, after) -> announced.add(botId),
        Clock.systemUTC());
  }

  private static boolean answers(RedisConnection connection) {
    try {
      return "PONG".equals(connection.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String state(FreqtradeClient client, BotEndpoint bot) {
    FreqtradeResult<BotConfig> config = client.showConfig(bot);
    return config instanceof FreqtradeResult.Success<BotConfig> known
        ? known.value().state()
        : "unreachable";
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not within 15 s: " + what);
  }
}
