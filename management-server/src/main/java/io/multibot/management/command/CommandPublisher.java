package io.multibot.management.command;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
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

  private static CommandMessage message(
      CommandRecord command, BotTarget.Address address, StreamSecurity security) {
    return new CommandMessage(
        command.getId(),
        command.getBotId(),
        command.getType(),
        command.getParams(),
        command.getCreatedAt(),
        command.getExpiresAt(),
        new BotAddress(address.url(), address.username(), security.encrypt(address.password())));
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
    if (bot.address().isEmpty()) {
      command.advance(
          CommandStatus.REJECTED,
          "the bot has no API address any more",
          "{}",
          null,
          clock.instant());
      return false;
    }
    CommandMessage message = message(command, bot.address().get(), security.get());
    StreamNames names = streams.names();
    String stream = command.isPriority() ? names.priority() : names.commandsFor(command.getBotId());
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
