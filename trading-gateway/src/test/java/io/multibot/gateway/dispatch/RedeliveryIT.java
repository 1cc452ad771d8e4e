package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.RedisConnection;
import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * A command that may already have acted comes back (a gateway died mid-command and another reclaims
 * it, or Redis lost it and management sent it again, marked recovered) while the world moved on:
 * the trade it opened was closed, the trade it exited is gone. The gateway must report what really
 * happened and never act twice. Each test first does at the simulated bot what the lost first
 * delivery did, then delivers the command again.
 */
class RedeliveryIT {

  @TempDir private Path dir;
  private RedisConnection connection;
  private RedisClient redis;
  private CommandBus bus;
  private GatewayNode node;
  private SimulatorProcess bot;
  private BotAddress address;

  @BeforeEach
  void start() throws Exception {
    connection =
        new RedisConnection(
            System.getProperty("it.redis.url", "redis://127.0.0.1:6379"), Duration.ofSeconds(2));
    redis = connection.newClient(Duration.ofSeconds(6), CommandBus.pool(2));
    bus = new CommandBus(redis, 4);
    node = bus.startNode("gw-redelivery", Duration.ofMillis(500), Duration.ofSeconds(30));
    bot =
        SimulatorProcess.start(
            dir, CommandCycleIT.BOT_CONFIG + ", \"initial_state\": \"running\"", Map.of());
    address = bus.address(bot);
  }

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    bot.close();
    redis.close();
    connection.close();
  }

  @Test
  void aRecoveredForceEntryWhoseTradeClosedMeanwhileDoesNotEnterAgain() throws Exception {
    CommandMessage entry =
        bus.command("bot-r1", address, CommandType.FORCEENTER, "{\"pair\": \"ETH/USDT\"}");
    int tradeId = enterAsTheLostDeliveryDid(entry.id(), "ETH/USDT");
    assertThat(botPost("forceexit", "{\"tradeid\": " + tradeId + "}").status()).isEqualTo(200);

    ResultMessage result = deliverAgain(entry);

    assertThat(result.status()).as(result.toString()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.detail()).contains("\"trade_id\":" + tradeId);
    assertThat(totalTrades()).as("trades at the bot").isEqualTo(1);
  }

  @Test
  void aRecoveredForceEntryWithoutATradeEntersOnce() throws Exception {
    CommandMessage entry =
        bus.command("bot-r2", address, CommandType.FORCEENTER, "{\"pair\": \"BTC/USDT\"}");

    ResultMessage result = deliverAgain(entry);

    assertThat(result.status()).as(result.toString()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(totalTrades()).isEqualTo(1);
  }

  @Test
  void aRecoveredForceExitThatAlreadyHappenedSucceedsInsteadOfFailing() throws Exception {
    int tradeId = enterAsTheLostDeliveryDid("someone-else", "ETH/USDT");
    CommandMessage exit =
        bus.command("bot-r3", address, CommandType.FORCEEXIT, "{\"trade_id\": " + tradeId + "}");
    assertThat(botPost("forceexit", "{\"tradeid\": " + tradeId + "}").status()).isEqualTo(200);

    ResultMessage result = deliverAgain(exit);

    assertThat(result.status()).as(result.toString()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.detail()).contains("force_exit");
  }

  @Test
  void aRecoveredPartialExitIsNeverSentTwice() throws Exception {
    int tradeId = enterAsTheLostDeliveryDid("someone-else", "ETH/USDT");
    double amount = trade(tradeId).getJsonNumber("amount").doubleValue();
    CommandMessage partial =
        bus.command(
            "bot-r4",
            address,
            CommandType.FORCEEXIT,
            "{\"trade_id\": " + tradeId + ", \"amount\": " + amount / 4 + "}");

    ResultMessage result = deliverAgain(partial);

    assertThat(result.status()).as(result.toString()).isEqualTo(CommandStatus.UNKNOWN);
    assertThat(result.reason()).contains("not sent again");
    assertThat(trade(tradeId).getJsonNumber("amount").doubleValue()).isEqualTo(amount);
  }

  /** Delivers the command as management does after Redis lost it: marked recovered. */
  private ResultMessage deliverAgain(CommandMessage command) throws InterruptedException {
    bus.publish(
        new CommandMessage(
            command.id(),
            command.botId(),
            command.type(),
            command.params(),
            command.issuedAt(),
            command.expiresAt(),
            command.bot(),
            command.launch(),
            true));
    return bus.awaitFinal(command.id(), CommandCycleIT.WAIT);
  }

  private int enterAsTheLostDeliveryDid(String commandId, String pair) {
    HttpJson.Answer entered =
        botPost(
            "forceenter",
            "{\"pair\": \""
                + pair
                + "\", \"entry_tag\": \""
                + ForceEnterHandler.tag(commandId)
                + "\"}");
    assertThat(entered.status()).as(entered.text()).isEqualTo(200);
    return entered.json().getInt("trade_id");
  }

  private HttpJson.Answer botPost(String route, String json) {
    return HttpJson.send(
        bot.request(route)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private JsonObject trade(int tradeId) {
    return HttpJson.send(bot.request("trade/" + tradeId).GET()).json();
  }

  private int totalTrades() {
    JsonObject closed = HttpJson.send(bot.request("trades").GET()).json();
    int open = HttpJson.send(bot.request("status").GET()).jsonArray().size();
    return closed.getInt("total_trades") + open;
  }
}
