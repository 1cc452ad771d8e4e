package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.RedisConnection;
import io.multibot.simulator.testing.SimulatorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Two gateway instances share the partitions; commands published concurrently for several bots
 * still finish in each bot's order of acceptance.
 */
class SharedLoadIT {

  @TempDir private Path dir;

  private static GatewayNode node(CommandBus bus, String instance) {
    return bus.startNode(instance, Duration.ofMillis(300), Duration.ofSeconds(30));
  }

  /** Bot ids that fall into different partitions, so that both instances get work. */
  private static List<String> botIdsOverAllPartitions(CommandBus bus) {
    Map<Integer, String> byPartition = new HashMap<>();
    for (int i = 0; byPartition.size() < 4; i++) {
      byPartition.putIfAbsent(bus.names.partitionOf("bot-" + i), "bot-" + i);
    }
    return List.copyOf(byPartition.values());
  }

  @Test
  void twoInstancesShareThePartitionsAndKeepEachBotsOrder() throws Exception {
    try (RedisConnection connection =
            new RedisConnection(
                System.getProperty("it.redis.url", "redis://127.0.0.1:6379"),
                Duration.ofSeconds(2));
        RedisClient redis = connection.newClient(Duration.ofSeconds(6), CommandBus.pool(2))) {
      CommandBus bus = new CommandBus(redis, 4);
      List<String> botIds = botIdsOverAllPartitions(bus);
      List<SimulatorProcess> bots = new ArrayList<>();
      GatewayNode first = node(bus, "gw-1");
      GatewayNode second = node(bus, "gw-2");
      try {
        awaitShare(first, second);
        Map<String, BotAddress> addresses = new HashMap<>();
        for (String id : botIds) {
          SimulatorProcess bot = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of());
          bots.add(bot);
          addresses.put(id, bus.address(bot));
        }
        Map<String, List<String>> published = publishConcurrently(bus, botIds, addresses);

        Set<String> gateways = new HashSet<>();
        for (String botId : botIds) {
          gateways.addAll(assertFinishedInOrder(bus, botId, published.get(botId)));
        }
        assertThat(gateways).containsExactlyInAnyOrder("gw-1", "gw-2");
      } finally {
        first.close();
        second.close();
        for (SimulatorProcess bot : bots) {
          bot.close();
        }
      }
    }
  }

  /**
   * Waits for every command of a bot, checks they finished in order; the gateways that ran them.
   */
  private static Set<String> assertFinishedInOrder(
      CommandBus bus, String botId, List<String> commands) throws InterruptedException {
    Set<String> gateways = new HashSet<>();
    for (String commandId : commands) {
      ResultMessage result = bus.awaitFinal(commandId, Duration.ofSeconds(60));
      assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
      gateways.add(result.gateway());
    }
    List<String> finishedOrder =
        bus.results().stream()
            .filter(r -> r.botId().equals(botId) && r.status().terminal())
            .map(ResultMessage::commandId)
            .toList();
    assertThat(finishedOrder).as("order of " + botId).isEqualTo(commands);
    return gateways;
  }

  private static void awaitShare(GatewayNode first, GatewayNode second)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Set<Integer> a = first.ownedPartitions();
      Set<Integer> b = second.ownedPartitions();
      if (a.size() == 2 && b.size() == 2) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the two instances did not split the partitions");
  }

  /** Per bot, start/pause/start/stop/... published from one thread per bot, all bots at once. */
  private static Map<String, List<String>> publishConcurrently(
      CommandBus bus, List<String> botIds, Map<String, BotAddress> addresses) {
    CommandType[] sequence = {
      CommandType.START,
      CommandType.PAUSE,
      CommandType.START,
      CommandType.STOP,
      CommandType.START,
      CommandType.PAUSE,
      CommandType.STOP
    };
    Map<String, CompletableFuture<List<String>>> futures = new HashMap<>();
    for (String botId : botIds) {
      futures.put(
          botId,
          CompletableFuture.supplyAsync(
              () -> {
                List<String> ids = new ArrayList<>();
                for (CommandType type : sequence) {
                  CommandMessage command =
                      bus.publish(bus.command(botId, addresses.get(botId), type, "{}"));
                  ids.add(command.id());
                }
                return ids;
              }));
    }
    Map<String, List<String>> published = new HashMap<>();
    futures.forEach((botId, future) -> published.put(botId, future.join()));
    return published;
  }
}
