package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The deployed gateway (the gateway-it Liberty server, default stream names, the test stream key)
 * takes a signed command off Redis, runs it against a simulated bot, reports the result, and counts
 * it in its metrics.
 */
class GatewayServerIT {

  @TempDir private Path dir;

  @Test
  void theRunningServerConsumesCommandsAndCountsThem() throws Exception {
    try (RedisConnection connection =
            new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(2));
        RedisClient redis = connection.newClient(Duration.ofSeconds(5), 4);
        SimulatorProcess bot = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of())) {
      CommandBus bus = new CommandBus(redis, new StreamNames("multibot", 16));
      BotAddress address = bus.address(bot);

      CommandMessage start =
          bus.publish(bus.command("server-it-bot", address, CommandType.START, "{}"));
      ResultMessage result = bus.awaitFinal(start.id(), Duration.ofSeconds(60));
      String metrics =
          HttpJson.get("http://localhost:" + System.getProperty("it.http.port") + "/metrics")
              .text();

      assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
      assertThat(result.detail()).contains("\"state\":\"running\"");
      assertThat(metrics).contains("multibot_dispatch_commands_total{");
      assertThat(metrics)
          .containsPattern(
              "multibot_dispatch_commands_total\\{[^}]*status=\"succeeded\"[^}]*type=\"start\"");
      assertThat(metrics).containsPattern("multibot_dispatch_partitions_owned\\{[^}]*\\} 16");
    }
  }
}
