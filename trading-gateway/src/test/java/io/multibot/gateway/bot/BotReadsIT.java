package io.multibot.gateway.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the gateway's Liberty server, where MicroProfile Fault Tolerance runs: idempotent reads
 * through {@link BotReads} are retried when the bot fails, not when it answers; commands are never
 * retried. The bots are simulator processes started by the server JVM.
 */
@ExtendWith(ArquillianExtension.class)
class BotReadsIT {

  @Inject private BotReads reads;
  @Inject private FreqtradeClient client;
  private SimulatorProcess bot;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "bot-reads-it.war")
        .addClasses(
            BotReads.class,
            RetryingReads.class,
            TransientBotFailure.class,
            FreqtradeClientProducer.class,
            FreqtradeClient.class,
            FreqtradeHttp.class,
            FreqtradeResult.class,
            BotGuards.class,
            CircuitBreaker.class,
            RateBudget.class,
            ClientSettings.class,
            BotEndpoint.class,
            BotConfig.class,
            BotHealth.class,
            TradeCount.class,
            ProfitSummary.class,
            BalanceSummary.class,
            TradeView.class,
            ForceEntry.class,
            SimulatorProcess.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @AfterEach
  void stopBot() throws InterruptedException {
    if (bot != null) {
      bot.close();
    }
  }

  private BotEndpoint launch(String knobs) throws Exception {
    Path dir = Files.createTempDirectory("bot-reads-it");
    bot = SimulatorProcess.start(dir, "\"simulator\": {" + knobs + "}", Map.of());
    return new BotEndpoint(
        URI.create(bot.baseUrl()), SimulatorProcess.USERNAME, SimulatorProcess.PASSWORD);
  }

  private static <T> Supplier<FreqtradeResult<T>> counted(
      AtomicInteger attempts, Supplier<FreqtradeResult<T>> call) {
    return () -> {
      attempts.incrementAndGet();
      return call.get();
    };
  }

  @Test
  void retriesAReadWhileTheBotFailsThenGivesItsLastAnswer() throws Exception {
    BotEndpoint endpoint = launch("\"error_rate\": 1.0");
    AtomicInteger attempts = new AtomicInteger();

    FreqtradeResult<BotConfig> result =
        reads.read(counted(attempts, () -> client.showConfig(endpoint)));

    assertEquals(3, attempts.get());
    assertInstanceOf(FreqtradeResult.Unreachable.class, result);
  }

  @Test
  void doesNotRetryAnAnswerOrASuccess() throws Exception {
    BotEndpoint endpoint = launch("");
    AtomicInteger refusedAttempts = new AtomicInteger();
    AtomicInteger successAttempts = new AtomicInteger();

    FreqtradeResult<TradeView> refused =
        reads.read(counted(refusedAttempts, () -> client.trade(endpoint, 424_242)));
    FreqtradeResult<BotConfig> config =
        reads.read(counted(successAttempts, () -> client.showConfig(endpoint)));

    assertEquals(new FreqtradeResult.Refused<>(404, "Trade not found."), refused);
    assertEquals(1, refusedAttempts.get());
    assertTrue(config.isSuccess());
    assertEquals(1, successAttempts.get());
  }
}
