package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.concurrent.Pause;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs one command against its bot: one small handler per command type, and retries with doubling
 * waits while the bot is unreachable or slow. A non-idempotent command (force entry, force exit) is
 * retried only when it surely did not arrive (connection refused, or rate limited: the bot did not
 * act), and before every second attempt, including a redelivery, its {@link EffectCheck} looks at
 * the bot: an effect already there is the outcome; a bot that cannot be asked leaves the outcome
 * UNKNOWN rather than risking a second effect or claiming a false FAILED.
 */
final class CommandExecutor {

  private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());

  /** One command type's call to the bot. */
  @FunctionalInterface
  interface Handler {
    FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot);
  }

  /** The longest a command waits in one go for a rate limit to pass. */
  private static final Duration MAX_RATE_WAIT = Duration.ofSeconds(15);

  private final Map<CommandType, Handler> handlers = new EnumMap<>(CommandType.class);
  private final int attempts;
  private final Duration backoff;

  CommandExecutor(FreqtradeClient client, int attempts, Duration backoff) {
    this.attempts = attempts;
    this.backoff = backoff;
    handlers.put(CommandType.START, (c, bot) -> client.start(bot));
    handlers.put(CommandType.STOP, (c, bot) -> client.stop(bot));
    handlers.put(CommandType.PAUSE, (c, bot) -> client.pause(bot));
    handlers.put(CommandType.RELOAD_CONFIG, (c, bot) -> client.reloadConfig(bot));
    handlers.put(CommandType.RESTART, (c, bot) -> restart(client, bot));
    handlers.put(CommandType.FORCEENTER, new ForceEnterHandler(client));
    handlers.put(CommandType.FORCEEXIT, new ForceExitHandler(client));
    handlers.put(CommandType.EMERGENCY_STOP, new EmergencyStopHandler(client));
    handlers.put(CommandType.BLACKLIST_ADD, (c, bot) -> client.blacklistAdd(bot, pairs(c)));
    handlers.put(CommandType.BLACKLIST_REMOVE, (c, bot) -> client.blacklistRemove(bot, pairs(c)));
  }

  /** The {@code pairs} of a blacklist command. */
  private static List<String> pairs(CommandMessage command) {
    return ForceEnterHandler.parse(command.params())
        .getJsonArray("pairs")
        .getValuesAs(jakarta.json.JsonString::getString);
  }

  private static FreqtradeResult<?> restart(FreqtradeClient client, BotEndpoint bot) {
    FreqtradeResult<?> stopped = client.stop(bot);
    return stopped.isSuccess() ? client.start(bot) : stopped;
  }

  Outcome execute(CommandMessage command, BotEndpoint bot, boolean redelivered) {
    Handler handler = handlers.get(command.type());
    Duration wait = backoff;
    Attempt last = null;
    boolean mayHaveActed = redelivered;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Attempt tried = attempt(handler, command, bot, mayHaveActed);
      if (tried.settled() != null) {
        return tried.settled();
      }
      last = tried;
      mayHaveActed |= tried.checked() && !notSent(tried.result());
      if (attempt == attempts
          || !tried.retryable(command)
          || !pause(command, tried.result(), wait)) {
        break;
      }
      wait = wait.multipliedBy(2);
    }
    return last.checked() ? outcome(last.result()) : unchecked(last.result());
  }

  /**
   * One attempt: the effect check when it is a second one, then the call. {@code settled} when the
   * check established the outcome; {@code checked} false when the check could not ask the bot (the
   * call was not made, and {@code result} is the failed read).
   */
  private record Attempt(Outcome settled, FreqtradeResult<?> result, boolean checked) {

    boolean retryable(CommandMessage command) {
      return checked ? CommandExecutor.retryable(command, result) : retryableRead(result);
    }
  }

  private static Attempt attempt(
      Handler handler, CommandMessage command, BotEndpoint bot, boolean again) {
    EffectCheck.Finding finding = findingBefore(handler, command, bot, again);
    if (finding instanceof EffectCheck.Settled settled) {
      return new Attempt(settled.outcome(), null, true);
    }
    if (finding instanceof EffectCheck.Unchecked unchecked) {
      return new Attempt(null, unchecked.read(), false);
    }
    return new Attempt(null, handler.run(command, bot), true);
  }

  /** Waits before the next attempt; false when that would pass the command's expiry. */
  private boolean pause(CommandMessage command, FreqtradeResult<?> result, Duration backoff) {
    Duration pause = waitBefore(result, backoff);
    if (java.time.Instant.now().plus(pause).isAfter(command.expiresAt())) {
      return false;
    }
    LOG.info(
        () -> "command " + command.id() + " to bot " + command.botId() + " will be tried again");
    return Pause.sleep(pause);
  }

  private static EffectCheck.Finding findingBefore(
      Handler handler, CommandMessage command, BotEndpoint bot, boolean again) {
    return again && handler instanceof EffectCheck check
        ? check.check(command, bot)
        : new EffectCheck.Absent();
  }

  /**
   * Whether the call surely did not reach the bot: the connection was refused, the bot's circuit
   * was open (the call was not made; a half-open circuit lets one probe through at a time), or it
   * was rate limited (by our budget, or by the bot before it acted). Only a command that may have
   * acted checks the bot before its next attempt.
   */
  private static boolean notSent(FreqtradeResult<?> result) {
    return result instanceof FreqtradeResult.RateLimited<?>
        || result instanceof FreqtradeResult.Unreachable<?> unreachable
            && notSent(unreachable.reason());
  }

  private static boolean notSent(String reason) {
    return "connection refused".equals(reason)
        || reason != null && reason.startsWith("circuit open");
  }

  /** A rate-limited call waits as long as the bot or our budget asks, not just the backoff. */
  private static Duration waitBefore(FreqtradeResult<?> result, Duration backoff) {
    if (result instanceof FreqtradeResult.RateLimited<?> limited
        && limited.retryAfter() != null
        && limited.retryAfter().compareTo(backoff) > 0) {
      return limited.retryAfter().compareTo(MAX_RATE_WAIT) > 0
          ? MAX_RATE_WAIT
          : limited.retryAfter();
    }
    return backoff;
  }

  /** The command may have acted on an earlier attempt, and the bot could not be asked. */
  private static Outcome unchecked(FreqtradeResult<?> read) {
    return new Outcome(
        CommandStatus.UNKNOWN,
        "an earlier attempt may have reached the bot, and the bot could not be asked whether it did"
            + " ("
            + outcome(read).reason()
            + "): check the bot before sending it again",
        "{}");
  }

  private static boolean retryableRead(FreqtradeResult<?> read) {
    return read instanceof FreqtradeResult.Unreachable<?>
        || read instanceof FreqtradeResult.TimedOut<?>
        || read instanceof FreqtradeResult.RateLimited<?>;
  }

  private static boolean retryable(CommandMessage command, FreqtradeResult<?> result) {
    if (result instanceof FreqtradeResult.RateLimited<?>) {
      return true;
    }
    if (result instanceof FreqtradeResult.Unreachable<?> unreachable) {
      return command.type().idempotent() || notSent(unreachable.reason());
    }
    return command.type().idempotent() && result instanceof FreqtradeResult.TimedOut<?>;
  }

  static Outcome outcome(FreqtradeResult<?> result) {
    if (result instanceof FreqtradeResult.Success<?> success) {
      return Outcome.succeeded(ResultDetails.of(success.value()));
    }
    if (result instanceof FreqtradeResult.Refused<?> refused) {
      return Outcome.failed(refused.message());
    }
    if (result instanceof FreqtradeResult.AuthFailed<?> auth) {
      return Outcome.failed("the bot rejected the gateway's credentials: " + auth.message());
    }
    if (result instanceof FreqtradeResult.TimedOut<?> timedOut) {
      return new Outcome(
          CommandStatus.TIMED_OUT, "the bot did not answer within " + timedOut.after(), "{}");
    }
    if (result instanceof FreqtradeResult.RateLimited<?> limited) {
      return Outcome.failed("rate limited: " + limited.reason());
    }
    return Outcome.failed("bot unreachable: " + ((FreqtradeResult.Unreachable<?>) result).reason());
  }
}
