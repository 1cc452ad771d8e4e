package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamGroup;
import io.multibot.common.stream.StreamNames;
import io.multibot.gateway.bot.ClientSettings;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The gateway's half of the command cycle with real Redis and simulated bots: gateway nodes (as in
 * separate instances) take signed commands off the partitioned streams and report results.
 */
class CommandCycleIT {

  static final String BOT_CONFIG =
      "\"stake_currency\": \"USDT\", \"stake_amount\": 100, \"max_open_trades\": 3,"
          + " \"force_entry_enable\": true, \"exchange\": {\"name\": \"binance\", \"pair_whitelist\":"
          + " [\"BTC/USDT\", \"ETH/USDT\"]}, \"simulator\": {\"seed\": 3, \"tick_ms\": 3600000,"
          + " \"history_candles\": 0}";
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir private Path dir;
  private RedisConnection connection;
  private RedisClient redis;
  private CommandBus bus;
  private final List<GatewayNode> nodes = new ArrayList<>();
  private final List<SimulatorProcess> bots = new ArrayList<>();

  @BeforeEach
  void connect() {
    connection =
        new RedisConnection(
            System.getProperty("it.redis.url", "redis://127.0.0.1:6379"), Duration.ofSeconds(2));
    redis = connection.newClient(Duration.ofSeconds(6), CommandBus.pool(2));
    bus = new CommandBus(redis, 4);
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (GatewayNode node : nodes) {
      node.close();
    }
    for (SimulatorProcess bot : bots) {
      bot.close();
    }
    redis.close();
    connection.close();
  }

  GatewayNode node(String instance, Duration claimIdle) {
    GatewayNode node = bus.startNode(instance, Duration.ofMillis(500), claimIdle);
    nodes.add(node);
    return node;
  }

  BotAddress bot(String initialState) throws Exception {
    SimulatorProcess bot =
        SimulatorProcess.start(
            dir, BOT_CONFIG + ", \"initial_state\": \"" + initialState + "\"", Map.of());
    bots.add(bot);
    return bus.address(bot);
  }

  private ResultMessage run(String botId, BotAddress address, CommandType type, String params)
      throws Exception {
    CommandMessage command = bus.publish(bus.command(botId, address, type, params));
    return bus.awaitFinal(command.id(), WAIT);
  }

  @Test
  void runsEveryCommandTypeAndReportsEachStep() throws Exception {
    node("gw-a", Duration.ofSeconds(30));
    BotAddress address = bot("stopped");

    assertThat(run("bot-1", address, CommandType.START, "{}").detail())
        .contains("\"state\":\"running\"");
    assertThat(run("bot-1", address, CommandType.PAUSE, "{}").detail())
        .contains("\"state\":\"paused\"");
    assertThat(run("bot-1", address, CommandType.RELOAD_CONFIG, "{}").status())
        .isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(run("bot-1", address, CommandType.RESTART, "{}").detail())
        .contains("\"state\":\"running\"");
    ResultMessage entered =
        run(
            "bot-1",
            address,
            CommandType.FORCEENTER,
            "{\"pair\": \"XRP/USDT\", \"stake_amount\": 25}");
    int tradeId =
        Json.createReader(new java.io.StringReader(entered.detail()))
            .readObject()
            .getInt("trade_id");
    ResultMessage exited =
        run("bot-1", address, CommandType.FORCEEXIT, "{\"trade_id\": " + tradeId + "}");
    ResultMessage stopped = run("bot-1", address, CommandType.STOP, "{}");

    assertThat(entered.status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(entered.detail()).contains("\"stake_amount\":25.0");
    assertThat(exited.detail()).contains("Created exit order for trade " + tradeId);
    assertThat(stopped.gateway()).isEqualTo("gw-a");
    assertThat(bus.count(stopped.commandId(), CommandStatus.RUNNING)).isEqualTo(1);
  }

  @Test
  void theKillSwitchPausesExitsAndStopsOnThePriorityLane() throws Exception {
    node("gw-a", Duration.ofSeconds(30));
    BotAddress address = bot("running");
    ResultMessage entered =
        run("bot-1", address, CommandType.FORCEENTER, "{\"pair\": \"XRP/USDT\"}");
    int tradeId =
        Json.createReader(new java.io.StringReader(entered.detail()))
            .readObject()
            .getInt("trade_id");

    CommandMessage emergency =
        bus.publishPriority(
            bus.command(
                "bot-1", address, CommandType.EMERGENCY_STOP, "{\"exit_positions\": true}"));
    ResultMessage stopped = bus.awaitFinal(emergency.id(), WAIT);
    FreqtradeClient check =
        new FreqtradeClient(
            Clock.systemUTC(),
            new ClientSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(3), 5, Duration.ofSeconds(5), 4, false));
    var bot =
        new io.multibot.gateway.bot.BotEndpoint(
            "bot-1",
            java.net.URI.create(address.url()),
            address.username(),
            io.multibot.simulator.testing.SimulatorProcess.PASSWORD);

    assertThat(stopped.status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(stopped.detail()).contains("\"state\":\"stopped\"");
    var trade = check.trade(bot, tradeId);
    assertThat(
            ((io.multibot.gateway.bot.FreqtradeResult.Success<io.multibot.gateway.bot.TradeView>)
                    trade)
                .value()
                .open())
        .isFalse();
  }

  @Test
  void reportsTheBotsRefusalAsFailedWithItsReason() throws Exception {
    node("gw-a", Duration.ofSeconds(30));
    BotAddress address = bot("stopped");

    ResultMessage refused =
        run("bot-1", address, CommandType.FORCEENTER, "{\"pair\": \"XRP/USDT\"}");

    assertThat(refused.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(refused.reason())
        .isEqualTo("Error querying /api/v1/forceenter: trader is not running");
  }

  @Test
  void expiresACommandNotStartedInTimeWithoutTouchingTheBot() throws Exception {
    node("gw-a", Duration.ofSeconds(30));
    BotAddress address = bot("stopped");
    Instant past = Instant.now().minusSeconds(5);
    CommandMessage late =
        bus.publish(
            new CommandMessage(
                UUID.randomUUID().toString(),
                "bot-1",
                CommandType.START,
                "{}",
                past.minusSeconds(60),
                past,
                address));

    ResultMessage expired = bus.awaitFinal(late.id(), WAIT);
    ResultMessage check = run("bot-1", address, CommandType.PAUSE, "{}");

    assertThat(expired.status()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(bus.count(late.id(), CommandStatus.RUNNING)).isZero();
    assertThat(check.detail()).contains("\"state\":\"paused\"");
  }

  @Test
  void deadLettersUnsignedAndMalformedEntriesAndKeepsGoing() throws Exception {
    node("gw-a", Duration.ofSeconds(30));
    BotAddress address = bot("stopped");
    CommandMessage forged = bus.command("bot-1", address, CommandType.START, "{}");
    bus.publishRaw(bus.names.commandsFor("bot-1"), forged.toFields());
    Map<String, String> malformed =
        new HashMap<>(bus.command("bot-1", address, CommandType.START, "{}").toFields());
    malformed.put("type", "self_destruct");
    bus.publishRaw(bus.names.commandsFor("bot-1"), bus.security.sign(malformed));

    ResultMessage after = run("bot-1", address, CommandType.START, "{}");

    assertThat(after.status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(bus.deadLetters())
        .extracting(e -> e.getFields().get("dl_reason"))
        .containsExactly("unsigned or wrongly signed entry", "malformed command entry");
    assertThat(bus.results()).noneMatch(r -> r.commandId().equals(forged.id()));
    assertThat(bus.count(malformed.get("id"), CommandStatus.DEAD_LETTERED)).isEqualTo(1);
  }

  @Test
  void actsOncePerCommandIdEvenWhenPublishedTwice() throws Exception {
    node("gw-a", Duration.ofSeconds(30));
    BotAddress address = bot("running");
    CommandMessage entry =
        bus.command("bot-1", address, CommandType.FORCEENTER, "{\"pair\": \"XRP/USDT\"}");
    bus.publish(entry);
    bus.publish(entry);
    CommandMessage marker = bus.publish(bus.command("bot-1", address, CommandType.PAUSE, "{}"));

    bus.awaitFinal(marker.id(), WAIT);

    assertThat(bus.count(entry.id(), CommandStatus.SUCCEEDED)).isEqualTo(1);
    assertThat(bus.count(entry.id(), CommandStatus.RUNNING)).isEqualTo(1);
  }

  @Test
  void reclaimsTheCommandOfADeadConsumerAndDoesNotEnterTwice() throws Exception {
    BotAddress address = bot("running");
    CommandMessage entry =
        bus.publish(
            bus.command("bot-1", address, CommandType.FORCEENTER, "{\"pair\": \"XRP/USDT\"}"));
    String stream = bus.names.commandsFor("bot-1");
    StreamGroup dead = new StreamGroup(redis, StreamNames.GATEWAY_GROUP, "dead-instance");
    dead.ensure(stream);
    assertThat(dead.readNew(stream, 10, Duration.ofMillis(100))).hasSize(1);

    node("gw-b", Duration.ofSeconds(1));
    ResultMessage result = bus.awaitFinal(entry.id(), WAIT);

    assertThat(result.status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.gateway()).isEqualTo("gw-b");
  }
}
