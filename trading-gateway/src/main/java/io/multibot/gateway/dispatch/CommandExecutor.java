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
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs one command against its bot: one small handler per command type, and retries with doubling
 * waits while the bot is unreachable or slow. A force entry is retried only when it surely did not
 * arrive (connection refused), since a second one could open a second position.
 */
final class CommandExecutor {

  private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());

  /** One command type's call to the bot. */
  @FunctionalInterface
  interface Handler {
    FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot, boolean redelivered);
  }

  private final Map<CommandType, Handler> handlers = new EnumMap<>(CommandType.class);
  private final int attempts;
  private final Duration backoff;

  CommandExecutor(FreqtradeClient client, int attempts, Duration backoff) {
    this.attempts = attempts;
    this.backoff = backoff;
    handlers.put(CommandType.START, (c, bot, again) -> client.start(bot));
    handlers.put(CommandType.STOP, (c, bot, again) -> client.stop(bot));
    handlers.put(CommandType.PAUSE, (c, bot, again) -> client.pause(bot));
    handlers.put(CommandType.RELOAD_CONFIG, (c, bot, again) -> client.reloadConfig(bot));
    handlers.put(CommandType.RESTART, (c, bot, again) -> restart(client, bot));
    handlers.put(CommandType.FORCEENTER, new ForceEnterHandler(client));
    handlers.put(CommandType.FORCEEXIT, new ForceExitHandler(client));
    handlers.put(CommandType.EMERGENCY_STOP, new EmergencyStopHandler(client));
  }

  private static FreqtradeResult<?> restart(FreqtradeClient client, BotEndpoint bot) {
    FreqtradeResult<?> stopped = client.stop(bot);
    return stopped.isSuccess() ? client.start(bot) : stopped;
  }

  Outcome execute(CommandMessage command, BotEndpoint bot, boolean redelivered) {
    Handler handler = handlers.get(command.type());
    Duration wait = backoff;
    FreqtradeResult<?> result = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      result = handler.run(command, bot, redelivered || attempt > 1);
      if (!retryable(command, result) || attempt == attempts) {
        break;
      }
      LOG.info(
          () -> "command " + command.id() + " to bot " + command.botId() + " will be tried again");
      if (!Pause.sleep(wait)) {
        break;
      }
      wait = wait.multipliedBy(2);
    }
    return outcome(result);
  }

  private static boolean retryable(CommandMessage command, FreqtradeResult<?> result) {
    if (result instanceof FreqtradeResult.Unreachable<?> unreachable) {
      return command.type().idempotent() || "connection refused".equals(unreachable.reason());
    }
    return command.type().idempotent()
        && (result instanceof FreqtradeResult.TimedOut<?>
            || result instanceof FreqtradeResult.RateLimited<?>);
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
