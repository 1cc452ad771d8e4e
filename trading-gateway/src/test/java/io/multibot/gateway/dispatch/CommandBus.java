package io.multibot.gateway.dispatch;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.LaunchSpec;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.ClientSettings;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.runtime.RuntimeSettings;
import io.multibot.gateway.runtime.Sealer;
import io.multibot.gateway.runtime.Supervisor;
import io.multibot.simulator.testing.SimulatorProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The management side of the command streams, for gateway tests: publishes signed commands the way
 * management does and reads the results back. Each test uses its own key prefix.
 */
final class CommandBus {

  static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  /**
   * Connections a Redis client needs for {@code nodes} gateway nodes sharing it, as the gateway
   * sizes its own pool: every priority worker and every partition worker blocks in a read holding
   * one, plus a few for leases and results. A smaller pool starves lease renewal ("Could not get a
   * resource from the pool") and a partition does not move when it should.
   */
  static int pool(int nodes) {
    return nodes * (16 + GatewayNode.PRIORITY_WORKERS + 5);
  }

  final RedisClient redis;
  final StreamNames names;
  final StreamSecurity security = StreamSecurity.fromBase64(KEY);

  CommandBus(RedisClient redis, int partitions) {
    this(redis, new StreamNames("it-" + UUID.randomUUID().toString().substring(0, 8), partitions));
  }

  CommandBus(RedisClient redis, StreamNames names) {
    this.redis = redis;
    this.names = names;
  }

  BotAddress address(SimulatorProcess bot) {
    return new BotAddress(
        bot.baseUrl(), SimulatorProcess.USERNAME, security.encrypt(SimulatorProcess.PASSWORD));
  }

  CommandMessage command(String botId, BotAddress bot, CommandType type, String params) {
    return command(botId, bot, type, params, null);
  }

  /** A command expiring in five minutes; a managed bot's has no address and maybe a launch spec. */
  CommandMessage command(
      String botId, BotAddress bot, CommandType type, String params, LaunchSpec launch) {
    Instant now = Instant.now();
    return new CommandMessage(
        UUID.randomUUID().toString(),
        botId,
        type,
        params,
        now,
        now.plus(Duration.ofMinutes(5)),
        bot,
        launch == null ? null : security.encrypt(launch.toJson()),
        false);
  }

  CommandMessage publish(CommandMessage command) {
    publishRaw(names.commandsFor(command.botId()), security.sign(command.toFields()));
    return command;
  }

  CommandMessage publishPriority(CommandMessage command) {
    publishRaw(names.priority(), security.sign(command.toFields()));
    return command;
  }

  void publishRaw(String stream, Map<String, String> fields) {
    redis.xadd(stream, XAddParams.xAddParams(), fields);
  }

  /** Every result published so far, in stream order, with valid signatures only. */
  List<ResultMessage> results() {
    List<StreamEntry> entries =
        redis.xrange(names.results(), (StreamEntryID) null, (StreamEntryID) null);
    List<ResultMessage> results = new ArrayList<>();
    for (StreamEntry entry : entries) {
      if (security.verify(entry.getFields())) {
        ResultMessage.fromFields(entry.getFields()).ifPresent(results::add);
      }
    }
    return results;
  }

  /** The terminal result of a command, waiting up to {@code timeout}. */
  ResultMessage awaitFinal(String commandId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ResultMessage result : results()) {
        if (result.commandId().equals(commandId) && result.status().terminal()) {
          return result;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no final result for command " + commandId + " within " + timeout);
  }

  /** A started gateway node on these streams: 4 partitions, short waits for tests. */
  GatewayNode startNode(String instance, Duration block, Duration claimIdle) {
    return startNode(instance, block, claimIdle, supervisor(instance));
  }

  /**
   * A supervisor for the node's managed bots: simulators, workspaces under the temporary directory,
   * short waits. It stops its bots when the node gives their partitions back.
   */
  static Supervisor supervisor(String instance) {
    return supervisor(
        Path.of(System.getProperty("java.io.tmpdir"), "multibot-it", instance), false);
  }

  /** The same, on these workspaces, leaving its bots running when its node stops if asked. */
  static Supervisor supervisor(Path workspaces, boolean leave) {
    StreamSecurity key = StreamSecurity.fromBase64(KEY);
    RuntimeSettings settings =
        new RuntimeSettings(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("simulator.jar")),
            workspaces,
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            3,
            Duration.ofMinutes(1),
            20,
            leave,
            Duration.ofMinutes(10));
    return new Supervisor(
        settings,
        Executors.newScheduledThreadPool(2),
        event -> {},
        Clock.systemUTC(),
        Sealer.of(key::encrypt, key::decrypt));
  }

  GatewayNode startNode(
      String instance, Duration block, Duration claimIdle, Supervisor supervisor) {
    DispatchSettings settings =
        new DispatchSettings(
            instance,
            names.partitions(),
            block,
            Duration.ofSeconds(3),
            claimIdle,
            3,
            Duration.ofHours(1),
            3,
            Duration.ofMillis(200));
    FreqtradeClient client =
        new FreqtradeClient(
            Clock.systemUTC(),
            new ClientSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(3), 5, Duration.ofSeconds(5), 4, false));
    GatewayNode node =
        new GatewayNode(
            new GatewayNode.Connections(redis, names, security, client, supervisor),
            settings,
            Thread::new,
            Clock.systemUTC(),
            DispatchObserver.NONE);
    node.start();
    return node;
  }

  List<StreamEntry> deadLetters() {
    return redis.xrange(names.deadLetter(), (StreamEntryID) null, (StreamEntryID) null);
  }

  long count(String commandId, CommandStatus status) {
    return results().stream()
        .filter(r -> r.commandId().equals(commandId) && r.status() == status)
        .count();
  }
}
