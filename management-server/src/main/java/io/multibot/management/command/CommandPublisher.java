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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Puts stored commands on their stream: the bot's partition, or the priority lane. The bot's
 * password travels encrypted with the stream key and the whole entry is signed. A command is marked
 * DISPATCHED only after Redis took it; if Redis is down it stays ACCEPTED and the outbox sweeper
 * tries again. Publishing twice is harmless: the gateway acts once per command id.
 */
@ApplicationScoped
public class CommandPublisher {

  private static final Logger LOG = Logger.getLogger(CommandPublisher.class.getName());

  @Resource private ManagedExecutorService executor;

  private final CommandRepository commands;
  private final BotService bots;
  private final CommandStreams streams;
  private final StreamKeys keys;
  private final Clock clock;

  @Inject
  public CommandPublisher(
      CommandRepository commands,
      BotService bots,
      CommandStreams streams,
      StreamKeys keys,
      Clock clock) {
    this.commands = commands;
    this.bots = bots;
    this.streams = streams;
    this.keys = keys;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected CommandPublisher() {
    this(null, null, null, null, null);
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
        launch);
  }

  /**
   * The priority lane for the kill switch; otherwise the bot's partition. A managed bot answers
   * only on the gateway that runs it, the owner of its partition, so its kill switch goes there
   * too.
   */
  private String streamOf(CommandRecord command, CommandMessage message) {
    StreamNames names = streams.names();
    return command.isPriority() && !message.managed()
        ? names.priority()
        : names.commandsFor(command.getBotId());
  }

  /** Publishes on another thread, in a transaction of its own (called after a commit). */
  public void publishLater(String commandId) {
    executor.execute(() -> CDI.current().select(CommandPublisher.class).get().publish(commandId));
  }

  /** Publishes one command if it is still ACCEPTED; returns whether it went out. */
  @Transactional
  public boolean publish(String commandId) {
    Optional<CommandRecord> found = commands.findForUpdate(commandId);
    Optional<StreamSecurity> security = keys.security();
    if (found.isEmpty()
        || found.get().getStatus() != CommandStatus.ACCEPTED
        || security.isEmpty()) {
      return false;
    }
    CommandRecord command = found.get();
    BotTarget bot = bots.target(command.getBotId());
    if (!bot.reachable()) {
      command.advance(
          CommandStatus.REJECTED,
          "the bot has no API address any more, or its secrets cannot be read",
          "{}",
          null,
          clock.instant());
      return false;
    }
    CommandMessage message = message(command, bot, security.get());
    String stream = streamOf(command, message);
    try {
      streams
          .redis()
          .xadd(
              stream,
              XAddParams.xAddParams().maxLen(StreamNames.MAX_LENGTH).approximateTrimming(),
              security.get().sign(message.toFields()));
    } catch (JedisException e) {
      LOG.log(
          Level.WARNING,
          "command {0} stays ACCEPTED: Redis is unavailable ({1})",
          new Object[] {commandId, e.getMessage()});
      return false;
    }
    command.dispatched(clock.instant());
    return true;
  }
}
