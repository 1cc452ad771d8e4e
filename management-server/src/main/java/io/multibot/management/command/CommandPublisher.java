package io.multibot.management.command;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotTarget;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Puts stored commands on their stream: the bot's partition, or the priority lane. The bot's
 * password travels encrypted with the stream key and the whole entry is signed. A command is marked
 * DISPATCHED only after Redis took it; if Redis is down it stays ACCEPTED and the outbox sweeper
 * tries again. Publishing twice is harmless: the gateway acts once per command id.
 *
 * <p><b>Order invariant.</b> If command A of a bot was accepted (its transaction committed) before
 * command B of the same bot was created, A is on the bot's stream before B, so the gateway, which
 * works a partition in stream order, runs A first. It holds because a command is never published on
 * its own: publishing means sending the bot's whole backlog of ACCEPTED commands oldest first,
 * under the bot's {@link PublishLocks publishing lock}, released only after the DISPATCHED marks
 * are committed; and a failed XADD stops the round, so nothing newer goes out before an older
 * command that could not. Creation times come from one clock per replica: replicas whose clocks
 * disagree by more than the time between two requests could still swap them. {@code
 * CommandFaultsIT} and {@code EndToEndIT} (commands accepted while Redis is down, then newer ones)
 * would catch a breach.
 */
@ApplicationScoped
public class CommandPublisher {

  private static final Logger LOG = Logger.getLogger(CommandPublisher.class.getName());

  /** How long a publisher waits for another one that is sending the same bot's backlog. */
  private static final Duration LOCK_WAIT = Duration.ofSeconds(2);

  /** Commands sent per round and transaction; a longer backlog takes several rounds. */
  private static final int ROUND = 100;

  @Resource private ManagedExecutorService executor;

  private final CommandRepository commands;
  private final BotService bots;
  private final PublishLocks locks;
  private final RedisEpoch epoch;
  private final RedisRecovery recovery;
  private final StreamKeys keys;
  private final Clock clock;

  @Inject
  public CommandPublisher(
      CommandRepository commands,
      BotService bots,
      PublishLocks locks,
      RedisEpoch epoch,
      RedisRecovery recovery,
      StreamKeys keys,
      Clock clock) {
    this.commands = commands;
    this.bots = bots;
    this.locks = locks;
    this.epoch = epoch;
    this.recovery = recovery;
    this.keys = keys;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected CommandPublisher() {
    this(null, null, null, null, null, null, null);
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

  /** Publishes the bot's backlog on another thread (called after a commit). */
  public void publishLater(String botId) {
    executor.execute(
        () -> {
          try {
            self().publishBacklog(botId);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "bot {0}: commands stay ACCEPTED for the outbox sweeper ({1})",
                new Object[] {botId, e.toString()});
          }
        });
  }

  private static CommandPublisher self() {
    return CDI.current().select(CommandPublisher.class).get();
  }

  /**
   * Sends every ACCEPTED command of the bot, oldest first, holding the bot's publishing lock.
   *
   * @return how many commands went out; 0 also when Redis is down or another replica holds the lock
   *     for longer than a short wait (the sweeper comes back to it)
   */
  public int publishBacklog(String botId) {
    Optional<PublishLocks.Held> held;
    try {
      recovery.healIfLost();
      held = locks.acquire(botId, LOCK_WAIT);
    } catch (JedisException e) {
      return 0;
    }
    if (held.isEmpty()) {
      return 0;
    }
    int sent = 0;
    try (PublishLocks.Held lock = held.get()) {
      int round;
      do {
        round = self().publishRound(botId);
        sent += round;
      } while (round > 0 && lock.renew());
    } catch (JedisException e) {
      LOG.log(Level.FINE, "publishing lock of bot {0} not released: {1}", new Object[] {botId, e});
    }
    return sent;
  }

  /**
   * One round of the bot's backlog, in one transaction (callers hold the bot's publishing lock).
   *
   * @return how many went out, 0 once the backlog is empty or Redis failed
   */
  @Transactional
  public int publishRound(String botId) {
    Optional<StreamSecurity> security = keys.security();
    List<String> backlog = commands.acceptedOf(botId, ROUND);
    if (security.isEmpty() || backlog.isEmpty()) {
      return 0;
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
        command.advance(
            CommandStatus.REJECTED,
            "the bot is gone, has no API address any more, or its secrets cannot be read",
            "{}",
            null,
            clock.instant());
        continue;
      }
      if (!send(command, bot.get(), security.get())) {
        return sent;
      }
      command.dispatched(clock.instant());
      sent++;
    }
    return bot.isEmpty() ? backlog.size() : sent;
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
}
