package io.multibot.gateway.bot;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The MicroProfile Fault Tolerance retry for idempotent reads: up to two more attempts, 250 ms
 * apart, when a read failed in a way that may pass (see {@link BotGuards#isBotFailure}). Refusals,
 * auth failures and rate limits are answers, not failures, and are not retried; nor is anything
 * while the bot's circuit is open. Tunable through MP Config, e.g. {@code
 * io.multibot.gateway.bot.RetryingReads/attempt/Retry/maxRetries}.
 */
@ApplicationScoped
public class RetryingReads {

  @Retry(
      maxRetries = 2,
      delay = 250,
      delayUnit = ChronoUnit.MILLIS,
      jitter = 0,
      maxDuration = 30,
      durationUnit = ChronoUnit.SECONDS,
      retryOn = TransientBotFailure.class)
  public <T> FreqtradeResult<T> attempt(Supplier<FreqtradeResult<T>> read)
      throws TransientBotFailure {
    FreqtradeResult<T> result = read.get();
    boolean circuitOpen =
        result instanceof FreqtradeResult.Unreachable<T> unreachable
            && unreachable.reason().startsWith("circuit open");
    if (BotGuards.isBotFailure(result) && !circuitOpen) {
      throw new TransientBotFailure(result);
    }
    return result;
  }
}
