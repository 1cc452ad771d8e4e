package io.multibot.management.command;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.management.bot.BotTarget;
import io.multibot.management.bot.CommandTargets;
import io.multibot.management.platform.redis.RedisEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One round of a bot's backlog, in one transaction: up to {@value #SIZE} ACCEPTED commands, oldest
 * first, each locked, put on its stream and marked DISPATCHED; a command whose bot is gone is
 * REJECTED. A bean of its own so that {@link CommandPublisher}, which holds the bot's publishing
 * lock around the rounds, calls it through its transactional proxy.
 */
@ApplicationScoped
public class BacklogRound {

  private static final Logger LOG = Logger.getLogger(BacklogRound.class.getName());

  /** Commands sent per round and transaction; a longer backlog takes several rounds. */
  static final int SIZE = 100;

  private final CommandRepository commands;
  private final CommandTargets bots;
  private final RedisEpoch epoch;
  private final StreamKeys keys;
  private final Clock clock;

  @Inject
  public BacklogRound(
      CommandRepository commands,
      CommandTargets bots,
      RedisEpoch epoch,
      StreamKeys keys,
      Clock clock) {
    this.commands = commands;
    this.bots = bots;
    this.epoch = epoch;
    this.keys = keys;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected BacklogRound() {
    this(null, null, null, null, null);
  }

  /**
   * One round of the bot's backlog, in one transaction (callers hold the bot's publishing lock).
   *
   * @return how many went out, 0 once the backlog is empty or Redis failed
   */
  @Transactional
  public int run(String botId) {
    return round(botId).sent();
  }

  /**
   * One round of each bot's backlog, all in this one transaction (callers hold every one of these
   * bots' publishing locks): a batch of a thousand bots is a few commits, not a thousand. Stops at
   * the first bot whose publish fails (Redis down, or lost data): the rest stay ACCEPTED for the
   * outbox sweeper.
   *
   * @return how many commands went out per bot, in the given order; bots after a failure are absent
   */
  @Transactional
  public Map<String, Integer> runAll(List<String> botIds) {
    Map<String, Integer> sent = new LinkedHashMap<>();
    for (String botId : botIds) {
      Round round = round(botId);
      sent.put(botId, round.sent());
      if (round.failed()) {
        break;
      }
    }
    return sent;
  }

  /** What a round did: commands sent (or rejected), and whether a publish failed. */
  private record Round(int sent, boolean failed) {}

  private Round round(String botId) {
    Optional<StreamSecurity> security = keys.security();
    List<String> backlog = commands.acceptedOf(botId, SIZE);
    if (security.isEmpty() || backlog.isEmpty()) {
      return new Round(0, security.isEmpty());
    }
    Optional<BotTarget> bot = bots.targetIfExists(botId).filter(BotTarget::reachable);
    int sent = 0;
    for (String id : backlog) {
      // Locked before it is sent: a result the gateway reports at once waits for this commit
      // instead of racing the DISPATCHED mark (which would roll the whole round back).
      Optional<CommandRecord> locked =
          commands.findForUpdate(id).filter(c -> c.getStatus() == CommandStatus.ACCEPTED);
      if (locked.isEmpty()) {
        continue;
      }
      CommandRecord command = locked.get();
      if (bot.isEmpty()) {
        command.reject(
            "the bot is gone, has no API address any more, or its secrets cannot be read",
            clock.instant());
        continue;
      }
      if (!send(command, bot.get(), security.get())) {
        return new Round(sent, true);
      }
      command.dispatched(clock.instant());
      sent++;
    }
    return new Round(bot.isEmpty() ? backlog.size() : sent, false);
  }

  private boolean send(CommandRecord command, BotTarget bot, StreamSecurity security) {
    CommandMessage message = message(command, bot, security);
    try {
      if (epoch.publish(streamOf(command, message), security.sign(message.toFields()))) {
        return true;
      }
      LOG.log(
          Level.WARNING,
          "command {0} and newer ones of its bot stay ACCEPTED: Redis lost data, heal first",
          command.getId());
      return false;
    } catch (JedisException e) {
      LOG.log(
          Level.WARNING,
          "command {0} and newer ones of its bot stay ACCEPTED: Redis is unavailable ({1})",
          new Object[] {command.getId(), e.getMessage()});
      return false;
    }
  }

  /**
   * The stream entry: an external bot's address with its password encrypted; for a managed bot, on
   * start and restart, its launch spec encrypted as a whole (it holds exchange secrets).
   */
  private static CommandMessage message(
      CommandRecord command, BotTarget bot, StreamSecurity security) {
    BotAddress address =
        bot.address()
            .map(a -> new BotAddress(a.url(), a.username(), security.encrypt(a.password())))
            .orElse(null);
    boolean launches =
        command.getType() == CommandType.START || command.getType() == CommandType.RESTART;
    String launch =
        bot.launch()
            .filter(spec -> launches)
            .map(spec -> security.encrypt(spec.toJson()))
            .orElse(null);
    return new CommandMessage(
        command.getId(),
        command.getBotId(),
        command.getType(),
        command.getParams(),
        command.getCreatedAt(),
        command.getExpiresAt(),
        address,
        launch,
        command.wasDispatched());
  }

  /**
   * The priority lane for the kill switch; otherwise the bot's partition. A managed bot answers
   * only on the gateway that runs it, the owner of its partition, so its kill switch goes there
   * too.
   */
  private String streamOf(CommandRecord command, CommandMessage message) {
    StreamNames names = epoch.names();
    return command.isPriority() && !message.managed()
        ? names.priority()
        : names.commandsFor(command.getBotId());
  }
}
