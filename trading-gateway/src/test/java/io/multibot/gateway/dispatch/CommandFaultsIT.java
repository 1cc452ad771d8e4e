package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The fault suite of the command cycle: each scenario sends a few dozen force entries and exits
 * through the deployed management-e2e server to four simulated bots (answering at once, at once,
 * 250 ms late and 1 s late), run by the deployed gateway-it server on the module's append-only
 * Redis, breaks something in the middle, and reconciles every command against the bots: final
 * status, trades by the command's tag, duplicates, per-bot order, 5xx. Targets: nothing lost,
 * duplicated, falsely reported, out of order or stuck, and no 5xx; the recovery time is printed
 * with the table ({@link FaultTally}).
 */
class CommandFaultsIT {

  private static final Duration GAP = Duration.ofMillis(120);
  private static final Duration SETTLE = Duration.ofSeconds(120);
  private static final long[] LATENCIES = {0, 0, 250, 1000};

  @TempDir private Path dir;
  private static String token;

  @BeforeAll
  static void signIn() throws InterruptedException {
    token = ManagementApi.token();
  }

  private FaultFleet fleet() throws Exception {
    return FaultFleet.start(Files.createDirectories(dir), token, LATENCIES);
  }

  @Test
  void redisRestartedEmptyLosesNoCommand() throws Exception {
    redisFault("Redis restarted empty", ModuleRedis::wipe);
  }

  @Test
  void redisKilledWithItsAppendOnlyFileLosesNoCommand() throws Exception {
    redisFault("Redis SIGKILL (AOF everysec)", ModuleRedis::kill);
  }

  /** What breaks Redis; it is started again afterwards. */
  @FunctionalInterface
  private interface RedisFault {
    void apply() throws Exception;
  }

  /** Load, Redis broken, commands accepted while it is down, Redis back, more load. */
  private void redisFault(String scenario, RedisFault fault) throws Exception {
    try (FaultFleet fleet = fleet()) {
      fleet.send(10, GAP);
      fault.apply();
      fleet.send(4, GAP);
      ModuleRedis.start();
      Instant over = Instant.now();
      fleet.send(10, GAP);
      fleet.reconcile(scenario, over, SETTLE).assertKeptItsPromise();
    }
  }

  /** A second gateway instance joins, takes half the partitions, and is killed mid-load. */
  @Test
  void aGatewayKilledMidLoadIsTakenOverWithoutDuplicates() throws Exception {
    StreamNames names = new StreamNames("multibot", 16);
    try (FaultFleet fleet = fleet();
        RedisConnection connection =
            new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(2))) {
      Process second = GatewayJvm.start(names, "fault-gw-" + ProcessHandle.current().pid());
      try {
        awaitPartitions(connection.client(), names, "fault-gw-");
        fleet.send(12, GAP);
        GatewayJvm.kill(second);
        Instant over = Instant.now();
        fleet.send(8, GAP);
        fleet.reconcile("gateway SIGKILL, two instances", over, SETTLE).assertKeptItsPromise();
      } finally {
        second.destroyForcibly();
      }
    }
  }

  /** Management dies right after accepting commands, before or while it publishes them. */
  @Test
  void managementKilledBetweenCommitAndPublishLosesNothing() throws Exception {
    try (FaultFleet fleet = fleet()) {
      fleet.send(8, GAP);
      fleet.send(4, Duration.ZERO);
      ManagementProcess.kill();
      fleet.send(2, GAP);
      ManagementProcess.start();
      Instant over = Instant.now();
      fleet.send(8, GAP);
      fleet.reconcile("management SIGKILL", over, SETTLE).assertKeptItsPromise();
    }
  }

  /**
   * A client retrying hard: one force entry sent five times at once with one Idempotency-Key, and
   * one body sent twice without a key (two commands, as asked), while the load runs.
   */
  @Test
  void duplicateSubmissionsMakeOneCommandPerKey() throws Exception {
    try (FaultFleet fleet = fleet()) {
      fleet.send(8, GAP);
      String bot = fleet.names().get(0);
      String key = java.util.UUID.randomUUID().toString();
      String entry = "{\"type\": \"forceenter\", \"pair\": \"ETH/USDT\", \"stakeAmount\": 5}";
      var pool = java.util.concurrent.Executors.newFixedThreadPool(7);
      try {
        var answers =
            IntStream.range(0, 7)
                .mapToObj(
                    i ->
                        java.util.concurrent.CompletableFuture.supplyAsync(
                            () ->
                                i < 5
                                    ? fleet.postWithKey(
                                        "/bots/" + fleet.names().get(1) + "/commands", entry, key)
                                    : fleet.post("/bots/" + bot + "/commands", entry),
                            pool))
                .toList();
        answers.forEach(answer -> fleet.record(answer.join()));
        assertThat(answers.subList(0, 5).stream().map(a -> a.join().status()))
            .allSatisfy(status -> assertThat(status).isIn(202, 409));
      } finally {
        pool.shutdownNow();
      }
      Instant over = Instant.now();
      fleet.send(8, GAP);
      FaultTally tally = fleet.reconcile("duplicate submissions", over, SETTLE);
      tally.assertKeptItsPromise();
      assertThat(fleet.commandsWithStake(fleet.names().get(1), 5))
          .as("commands made with the key")
          .isEqualTo(1);
      assertThat(fleet.commandsWithStake(bot, 5)).as("the body sent twice").isEqualTo(2);
    }
  }

  /**
   * A bot's process is killed mid-load and started again a few seconds later: its commands
   * meanwhile end (tried again while the connection is refused, then FAILED, which is true: nothing
   * reached it), none is stuck, and the bot is commanded in order once it is back.
   */
  @Test
  void aBotKilledMidLoadGetsTrueOutcomesAndIsCommandedAgain() throws Exception {
    try (FaultFleet fleet = fleet()) {
      fleet.send(8, GAP);
      fleet.killBot(0);
      fleet.send(4, GAP);
      Thread.sleep(1_500);
      fleet.restartBot(0);
      Instant over = Instant.now();
      fleet.send(8, GAP);
      fleet.reconcile("bot process SIGKILL", over, SETTLE).assertKeptItsPromise();
    }
  }

  /** Waits until an instance whose id starts so owns some partitions. */
  private static void awaitPartitions(RedisClient redis, StreamNames names, String instance)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      boolean owns =
          IntStream.range(0, names.partitions())
              .mapToObj(p -> redis.get(names.lease(p)))
              .anyMatch(owner -> owner != null && owner.startsWith(instance));
      if (owns) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(false).as("the second gateway took partitions").isTrue();
  }
}
