package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.LaunchSpec;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.RedisConnection;
import io.multibot.gateway.runtime.Supervisor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Managed bots through the command streams: the gateway launches the bot from the spec a start
 * carries, runs other commands against it on 127.0.0.1, stops its process; and when the bot's
 * partition moves to another instance, the bot moves with it without ever running twice.
 */
class ManagedBotsIT {

  private static final String CONFIG =
      "{" + CommandCycleIT.BOT_CONFIG + ", \"dry_run\": true, \"timeframe\": \"5m\"}";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private RedisConnection connection;
  private RedisClient redis;
  private CommandBus bus;

  @BeforeEach
  void connect() {
    connection = new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(2));
    redis = connection.newClient(Duration.ofSeconds(5), CommandBus.pool(2));
    bus = new CommandBus(redis, 2);
  }

  @AfterEach
  void disconnect() {
    redis.close();
    connection.close();
  }

  private static LaunchSpec spec(String botId) {
    return spec(botId, "on-failure");
  }

  private static LaunchSpec spec(String botId, String restartPolicy) {
    return new LaunchSpec(
        botId,
        "managed-" + botId.substring(0, 8),
        CONFIG,
        "ManagedStrategy",
        "class ManagedStrategy(IStrategy):\n    pass\n",
        restartPolicy,
        Map.of("key", "k", "secret", "s"));
  }

  private ResultMessage run(String botId, CommandType type, String params, LaunchSpec spec)
      throws InterruptedException {
    CommandMessage sent = bus.publish(bus.command(botId, null, type, params, spec));
    return bus.awaitFinal(sent.id(), WAIT);
  }

  private static JsonObject detail(ResultMessage result) {
    return Json.createReader(new StringReader(result.detail())).readObject();
  }

  @Test
  void startCommandsAndStopGoThroughTheProcessTheGatewayLaunched() throws Exception {
    String botId = UUID.randomUUID().toString();
    Supervisor supervisor = CommandBus.supervisor("gw-managed-" + botId.substring(0, 8));
    GatewayNode node =
        bus.startNode("gw-managed", Duration.ofMillis(300), Duration.ofSeconds(30), supervisor);
    try {
      ResultMessage started = run(botId, CommandType.START, "{}", spec(botId));
      ResultMessage entered =
          run(
              botId,
              CommandType.FORCEENTER,
              "{\"pair\": \"ETH/USDT\", \"stake_amount\": 15}",
              null);
      long pid = detail(started).getJsonNumber("pid").longValue();
      ResultMessage stopped = run(botId, CommandType.STOP, "{}", null);
      ResultMessage afterStop = run(botId, CommandType.PAUSE, "{}", null);

      assertThat(started.status()).as(started.reason()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(entered.status()).as(entered.reason()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(detail(entered).getJsonNumber("stake_amount").doubleValue()).isEqualTo(15.0);
      assertThat(stopped.status()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(detail(stopped).getBoolean("graceful")).isTrue();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .isNotEqualTo(java.util.Optional.of(true));
      assertThat(afterStop.status()).isEqualTo(CommandStatus.FAILED);
      assertThat(afterStop.reason()).contains("does not run");
      assertThat(redis.hget(bus.names.managed(bus.names.partitionOf(botId)), botId)).isNull();
    } finally {
      node.close();
      supervisor.close();
    }
  }

  /**
   * A managed bot crashes and is being restarted when a force entry arrives: the command waits for
   * it (within its expiry) instead of failing "start it first".
   */
  @Test
  void aCommandWaitsForAManagedBotThatIsBeingRestarted() throws Exception {
    String botId = UUID.randomUUID().toString();
    Supervisor supervisor = CommandBus.supervisor("gw-restarting-" + botId.substring(0, 8));
    GatewayNode node =
        bus.startNode("gw-restarting", Duration.ofMillis(300), Duration.ofSeconds(30), supervisor);
    try {
      long pid =
          detail(run(botId, CommandType.START, "{}", spec(botId))).getJsonNumber("pid").longValue();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      String state = restartingState(supervisor, botId);

      ResultMessage entered =
          run(botId, CommandType.FORCEENTER, "{\"pair\": \"BTC/USDT\", \"stake_amount\": 9}", null);

      assertThat(state).as("the bot when the command was sent").isIn("BACKOFF", "STARTING");
      assertThat(entered.status()).as(entered.reason()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(detail(entered).getJsonNumber("stake_amount").doubleValue()).isEqualTo(9.0);
      assertThat(supervisor.status(botId).orElseThrow().pid()).isNotEqualTo(pid);
    } finally {
      node.close();
      supervisor.close();
    }
  }

  /**
   * The state the supervisor reports once it noticed the kill: BACKOFF or STARTING, read in the
   * same look that found it (the restart takes a fraction of a second, and a loaded machine may
   * pause this thread between two looks).
   */
  private static String restartingState(Supervisor supervisor, String botId)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String state = supervisor.status(botId).orElseThrow().state().name();
    while (!"BACKOFF".equals(state) && !"STARTING".equals(state) && System.nanoTime() < deadline) {
      Thread.sleep(2);
      state = supervisor.status(botId).orElseThrow().state().name();
    }
    return state;
  }

  @Test
  void aStartWithoutAReadableLaunchSpecIsRejected() throws Exception {
    String botId = UUID.randomUUID().toString();
    Supervisor supervisor = CommandBus.supervisor("gw-nospec-" + botId.substring(0, 8));
    GatewayNode node =
        bus.startNode("gw-nospec", Duration.ofMillis(300), Duration.ofSeconds(30), supervisor);
    try {
      ResultMessage result = run(botId, CommandType.START, "{}", null);

      assertThat(result.status()).isEqualTo(CommandStatus.REJECTED);
      assertThat(supervisor.status(botId)).isEmpty();
    } finally {
      node.close();
      supervisor.close();
    }
  }

  /**
   * A second instance joins: the first gives the bot's partition back, stopping the bot first; the
   * second launches it. At no moment do two processes of the bot run.
   */
  @Test
  void aBotMovesWithItsPartitionAndNeverRunsTwice() throws Exception {
    String botId = botInPartition(1);
    Supervisor first = CommandBus.supervisor("gw-first-" + botId.substring(0, 8));
    Supervisor second = CommandBus.supervisor("gw-second-" + botId.substring(0, 8));
    GatewayNode one = bus.startNode("gw-a", Duration.ofMillis(300), Duration.ofSeconds(30), first);
    GatewayNode two = null;
    AtomicBoolean sampling = new AtomicBoolean(true);
    AtomicLong mostAtOnce = new AtomicLong();
    Thread sampler = new Thread(() -> sample(botId, sampling, mostAtOnce));
    try {
      assertThat(run(botId, CommandType.START, "{}", spec(botId)).status())
          .isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(first.endpoint(botId)).isPresent();
      sampler.start();

      two = bus.startNode("gw-b", Duration.ofMillis(300), Duration.ofSeconds(30), second);
      awaitRunning(second, botId);

      assertThat(second.endpoint(botId)).as("the bot runs on the second instance").isPresent();
      assertThat(first.endpoint(botId)).isEmpty();
      ResultMessage paused = run(botId, CommandType.PAUSE, "{}", null);
      assertThat(paused.status()).as(paused.reason()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(paused.gateway()).isEqualTo("gw-b");
    } finally {
      sampling.set(false);
      sampler.join();
      one.close();
      if (two != null) {
        two.close();
      }
      first.close();
      second.close();
    }
    assertThat(mostAtOnce.get()).as("processes of the bot at once").isEqualTo(1);
  }

  /**
   * A gateway restarts: the one stopping ends its bots, the one starting launches again the bots
   * that should run in the partitions it takes, from the registry in Redis.
   */
  @Test
  void aRestartedGatewayLaunchesAgainTheBotsThatShouldRun() throws Exception {
    String botId = UUID.randomUUID().toString();
    Supervisor before = CommandBus.supervisor("gw-before-" + botId.substring(0, 8));
    GatewayNode first =
        bus.startNode("gw-before", Duration.ofMillis(300), Duration.ofSeconds(30), before);
    long pid;
    try {
      assertThat(run(botId, CommandType.START, "{}", spec(botId)).status())
          .isEqualTo(CommandStatus.SUCCEEDED);
      pid = before.status(botId).orElseThrow().pid();
    } finally {
      first.close();
      before.close();
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
        .as("stopped with it")
        .isEmpty();

    Supervisor after = CommandBus.supervisor("gw-after-" + botId.substring(0, 8));
    GatewayNode second =
        bus.startNode("gw-after", Duration.ofMillis(300), Duration.ofSeconds(30), after);
    try {
      awaitRunning(after, botId);
      assertThat(after.endpoint(botId)).as("launched again").isPresent();
      ResultMessage paused = run(botId, CommandType.PAUSE, "{}", null);
      assertThat(paused.status()).as(paused.reason()).isEqualTo(CommandStatus.SUCCEEDED);
    } finally {
      second.close();
      after.close();
    }
  }

  /**
   * A gateway instance dies with its bots (a pod killed: the JVM and its children get SIGKILL).
   * Another instance takes the partitions over when the leases expire, waits out the dead runner,
   * and launches the bot: within lease lifetime + takeover wait + start time, never twice.
   */
  @Test
  void theBotsOfADeadInstanceAreTakenOverWithinTheBoundAndNeverRunTwice() throws Exception {
    String botId = UUID.randomUUID().toString();
    Process dead = startGatewayJvm("gw-dead");
    Supervisor heir = CommandBus.supervisor("gw-heir-" + botId.substring(0, 8));
    GatewayNode node = null;
    AtomicBoolean sampling = new AtomicBoolean(true);
    AtomicLong mostAtOnce = new AtomicLong();
    Thread sampler = new Thread(() -> sample(botId, sampling, mostAtOnce));
    try {
      ResultMessage started = run(botId, CommandType.START, "{}", spec(botId));
      assertThat(started.status()).as(started.reason()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(started.gateway()).isEqualTo("gw-dead");
      sampler.start();

      dead.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      dead.destroyForcibly().waitFor();
      long killed = System.nanoTime();
      node = bus.startNode("gw-heir", Duration.ofMillis(300), Duration.ofSeconds(30), heir);
      // lease lifetime (3 s in CommandBus) + takeover wait (lease + 10 s stop grace) + start (30 s)
      Duration bound = Duration.ofSeconds(3 + 3 + 10 + 30);
      while (heir.endpoint(botId).isEmpty() && System.nanoTime() - killed < bound.toNanos()) {
        Thread.sleep(200);
      }

      assertThat(heir.endpoint(botId)).as("taken over within %s", bound).isPresent();
      ResultMessage paused = run(botId, CommandType.PAUSE, "{}", null);
      assertThat(paused.gateway()).isEqualTo("gw-heir");
      assertThat(paused.status()).as(paused.reason()).isEqualTo(CommandStatus.SUCCEEDED);
    } finally {
      sampling.set(false);
      sampler.join();
      dead.destroyForcibly();
      if (node != null) {
        node.close();
      }
      heir.close();
    }
    assertThat(mostAtOnce.get()).as("processes of the bot at once").isEqualTo(1);
  }

  /** A gateway node in a JVM of its own on this test's streams; returns once it runs. */
  private Process startGatewayJvm(String instance) throws Exception {
    return GatewayJvm.start(bus.names, instance);
  }

  /**
   * A gateway configured to leave its bots running stops: the bot keeps trading, and the next
   * gateway on the same host adopts the very process instead of starting another.
   */
  @Test
  void aGatewayThatLeavesItsBotsRunningIsSucceededByOneThatAdoptsThem() throws Exception {
    String botId = UUID.randomUUID().toString();
    Path workspaces =
        Path.of(
            System.getProperty("java.io.tmpdir"), "multibot-it", "leave-" + botId.substring(0, 8));
    LaunchSpec spec = spec(botId, "never");
    Supervisor leaving = CommandBus.supervisor(workspaces, true);
    GatewayNode first =
        bus.startNode("gw-leaving", Duration.ofMillis(300), Duration.ofSeconds(30), leaving);
    long pid;
    try {
      assertThat(run(botId, CommandType.START, "{}", spec).status())
          .isEqualTo(CommandStatus.SUCCEEDED);
      pid = leaving.status(botId).orElseThrow().pid();
    } finally {
      first.close();
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("left running").isPresent();
    assertThat(redis.hget(bus.names.runners(bus.names.partitionOf(botId)), botId))
        .isEqualTo("gw-leaving" + ManagedRegistry.LEFT);

    Supervisor next = CommandBus.supervisor(workspaces, false);
    GatewayNode second =
        bus.startNode("gw-next", Duration.ofMillis(300), Duration.ofSeconds(30), next);
    try {
      awaitRunning(next, botId);
      assertThat(next.status(botId).orElseThrow().pid()).as("the same process").isEqualTo(pid);
      ResultMessage paused = run(botId, CommandType.PAUSE, "{}", null);
      assertThat(paused.status()).as(paused.reason()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(paused.gateway()).isEqualTo("gw-next");
    } finally {
      second.close();
      next.close();
      leaving.close();
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  /** Waits (up to the test wait) until the bot answers under this supervisor. */
  private static void awaitRunning(Supervisor supervisor, String botId)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (supervisor.endpoint(botId).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private String botInPartition(int partition) {
    String botId;
    do {
      botId = UUID.randomUUID().toString();
    } while (bus.names.partitionOf(botId) != partition);
    return botId;
  }

  /** Counts, every 50 ms, the live processes launched for this bot (its id is in their paths). */
  private static void sample(String botId, AtomicBoolean sampling, AtomicLong most) {
    while (sampling.get()) {
      long now =
          ProcessHandle.allProcesses()
              .filter(
                  p ->
                      p.info()
                          .commandLine()
                          .map(line -> line.contains(botId + "/config.json"))
                          .orElse(false))
              .count();
      most.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
