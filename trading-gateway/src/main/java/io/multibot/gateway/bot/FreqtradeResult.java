package io.multibot.gateway.bot;

import java.time.Duration;

/**
 * What came of one call to a bot, in our terms rather than freqtrade's: the value, or why there is
 * none. Callers switch over the kinds; none of them is an exception.
 */
public sealed interface FreqtradeResult<T> {

  /** Whether the value is there. */
  default boolean isSuccess() {
    return this instanceof Success<T>;
  }

  /** The bot answered as asked. */
  record Success<T>(T value) implements FreqtradeResult<T> {}

  /** The bot understood and said no, with freqtrade's own message. */
  record Refused<T>(int status, String message) implements FreqtradeResult<T> {}

  /** Nothing answers at the bot's address, or its circuit is open after repeated failures. */
  record Unreachable<T>(String reason) implements FreqtradeResult<T> {}

  /** The bot rejected our credentials. */
  record AuthFailed<T>(String message) implements FreqtradeResult<T> {}

  /**
   * Not sent now: the bot answered 429, our own budget for this bot and route is spent, or too many
   * calls to this bot are in flight. Try again after {@code retryAfter}.
   */
  record RateLimited<T>(Duration retryAfter, String reason) implements FreqtradeResult<T> {}

  /** The bot took longer than the read timeout. */
  record TimedOut<T>(Duration after) implements FreqtradeResult<T> {}
}
