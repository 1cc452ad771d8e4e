package io.multibot.gateway.bot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Idempotent reads from bots with retries: {@code reads.read(() -> client.profit(bot))}. Commands
 * that change a bot never come through here.
 */
@ApplicationScoped
public class BotReads {

  private final RetryingReads retrying;

  @Inject
  public BotReads(RetryingReads retrying) {
    this.retrying = retrying;
  }

  /** For CDI's proxy. */
  protected BotReads() {
    this.retrying = null;
  }

  public <T> FreqtradeResult<T> read(Supplier<FreqtradeResult<T>> read) {
    try {
      return retrying.attempt(read);
    } catch (TransientBotFailure e) {
      return e.result();
    }
  }
}
