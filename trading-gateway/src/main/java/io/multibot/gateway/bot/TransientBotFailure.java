package io.multibot.gateway.bot;

/**
 * A read that may succeed if tried again (the bot was unreachable, timed out or answered 5xx),
 * carrying the result to return once the retries are spent. Only {@link RetryingReads} throws it.
 */
public final class TransientBotFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient FreqtradeResult<?> result;

  TransientBotFailure(FreqtradeResult<?> result) {
    super(result.toString(), null, false, false);
    this.result = result;
  }

  @SuppressWarnings("unchecked")
  <T> FreqtradeResult<T> result() {
    return (FreqtradeResult<T>) result;
  }
}
