package io.multibot.gateway.bot;

import java.time.Duration;

/**
 * What came of one call to a bot, in our terms rather than freqtrade's: the value, or why there is
 * none. Callers switch over the kinds; none of them is an exception.
 */
public sealed interface FreqtradeResult<T> {

  /** The bot answered as asked. */
  record Success<T>(T value) implements FreqtradeResult<T> {}

  /** The bot understood and said no, with freqtrade's own message. */
  record Refused<T>(int status, String message) implements FreqtradeResult<T> {}

  /** Nothing answers at the bot's address. */
  record Unreachable<T>(String reason) implements FreqtradeResult<T> {}

  /** The bot rejected our credentials. */
  record AuthFailed<T>(String message) implements FreqtradeResult<T> {}

  /** The bot's rate limit was hit; try again after the given time. */
  record RateLimited<T>(Duration retryAfter) implements FreqtradeResult<T> {}

  /** The bot took longer than the read timeout. */
  record TimedOut<T>(Duration after) implements FreqtradeResult<T> {}
}
