package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.redis.RedisConnection;
import io.multibot.simulator.testing.SimulatorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Redis stops in the middle of a run and comes back: the gateway node keeps running, reconnects by
 * itself, and every command on the streams completes once.
 */
class RedisOutageIT {

  @TempDir private Path dir;

  @Test
  void everyCommandCompletesAcrossARedisRestart() throws Exception {
    try (RedisConnection connection =
            new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(1));
        RedisClient redis = connection.newClient(Duration.ofSeconds(3), CommandBus.pool(1));
        SimulatorProcess bot = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of())) {
      CommandBus bus = new CommandBus(redis, 2);
      BotAddress address = bus.address(bot);
      GatewayNode node = bus.startNode("gw-outage", Duration.ofMillis(300), Duration.ofSeconds(30));
      try {
        List<CommandMessage> before = publish(bus, address, 3);
        bus.awaitFinal(before.get(0).id(), Duration.ofSeconds(30));

        ModuleRedis.stop();
        Thread.sleep(2_000);
        ModuleRedis.start();
        List<CommandMessage> after = publish(bus, address, 3);

        for (CommandMessage command : concat(before, after)) {
          assertThat(bus.awaitFinal(command.id(), Duration.ofSeconds(60)).status())
              .isEqualTo(CommandStatus.SUCCEEDED);
          assertThat(bus.count(command.id(), CommandStatus.SUCCEEDED)).isEqualTo(1);
        }
      } finally {
        node.close();
      }
    }
  }

  private static List<CommandMessage> publish(CommandBus bus, BotAddress address, int count) {
    List<CommandMessage> published = new ArrayList<>();
    CommandType[] types = {CommandType.START, CommandType.PAUSE, CommandType.STOP};
    for (int i = 0; i < count; i++) {
      published.add(bus.publish(bus.command("outage-bot", address, types[i % types.length], "{}")));
    }
    return published;
  }

  private static List<CommandMessage> concat(List<CommandMessage> a, List<CommandMessage> b) {
    List<CommandMessage> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
