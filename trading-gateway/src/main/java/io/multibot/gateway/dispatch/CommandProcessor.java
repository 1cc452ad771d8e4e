package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.BotEndpoint;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One stream entry, start to finish: unsigned entries and malformed or poison ones go to the
 * dead-letter stream; a command already done is only acknowledged; an expired one is reported
 * EXPIRED without touching the bot; otherwise RUNNING is reported, the bot is called, and the
 * result is published together with the done-marker and the acknowledgement.
 */
final class CommandProcessor {

  private static final Logger LOG = Logger.getLogger(CommandProcessor.class.getName());

  /**
   * A command Redis lost while it was queued or running may have reached the bot; expired before it
   * could be checked and run again, its outcome is not known (never a false "not started").
   */
  private static final Outcome LOST_AND_EXPIRED =
      new Outcome(
          CommandStatus.UNKNOWN,
          "Redis lost this command while it was queued or running, and it expired before it could"
              + " be checked at the bot: check the bot",
          "{}");

  private final StreamOps streams;
  private final StreamSecurity security;
  private final CommandExecutor executor;
  private final ManagedCommands managed;
  private final DispatchSettings settings;
  private final Clock clock;
  private final DispatchObserver observer;

  CommandProcessor(
      StreamOps streams,
      StreamSecurity security,
      CommandExecutor executor,
      ManagedCommands managed,
      DispatchSettings settings,
      Clock clock,
      DispatchObserver observer) {
    this.streams = streams;
    this.security = security;
    this.executor = executor;
    this.managed = managed;
    this.settings = settings;
    this.clock = clock;
    this.observer = observer;
  }

  /** Handles one entry; {@code redelivered} when it came from a pending list or a reclaim. */
  void process(String stream, StreamEntry entry, boolean redelivered) {
    Map<String, String> fields = entry.getFields();
    if (fields == null || fields.isEmpty()) {
      streams.ack(stream, entry.getID());
      return;
    }
    if (!security.verify(fields)) {
      LOG.warning(() -> "dead-lettered unsigned entry " + entry.getID() + " of " + stream);
      streams.deadLetter(stream, entry, "unsigned or wrongly signed entry");
      observer.deadLettered("unsigned");
      return;
    }
    Optional<CommandMessage> parsed = CommandMessage.fromFields(fields);
    if (parsed.isEmpty()) {
      streams.deadLetter(stream, entry, "malformed command entry");
      observer.deadLettered("malformed");
      reportDeadLetter(fields, "malformed command entry");
      return;
    }
    CommandMessage command = parsed.get();
    if (streams.isDone(command.id())) {
      streams.ack(stream, entry.getID());
      return;
    }
    long deliveries = redelivered ? streams.deliveries(stream, entry.getID()) : 1;
    if (deliveries > settings.maxDeliveries()) {
      String reason = "poison: delivered " + deliveries + " times";
      streams.deadLetter(stream, entry, reason);
      observer.deadLettered("poison");
      finishWithoutAck(command, CommandStatus.DEAD_LETTERED, reason);
      return;
    }
    run(stream, entry, command, redelivered || command.recovered());
  }

  private void run(String stream, StreamEntry entry, CommandMessage command, boolean redelivered) {
    if (clock.instant().isAfter(command.expiresAt()) && command.recovered()) {
      finish(stream, entry, command, LOST_AND_EXPIRED);
      return;
    }
    if (clock.instant().isAfter(command.expiresAt())) {
      finish(
          stream,
          entry,
          command,
          new Outcome(CommandStatus.EXPIRED, "not started before " + command.expiresAt(), "{}"));
      return;
    }
    if (command.managed()) {
      streams.publishResult(
          security.sign(result(command, CommandStatus.RUNNING, "", "{}").toFields()));
      finish(stream, entry, command, managed.run(command, redelivered));
      return;
    }
    Optional<String> password = security.decrypt(command.bot().encryptedPassword());
    if (password.isEmpty()) {
      finish(
          stream,
          entry,
          command,
          new Outcome(
              CommandStatus.REJECTED,
              "the bot's credentials cannot be decrypted with this gateway's stream key",
              "{}"));
      return;
    }
    streams.publishResult(
        security.sign(result(command, CommandStatus.RUNNING, "", "{}").toFields()));
    finish(
        stream,
        entry,
        command,
        executor.execute(command, endpoint(command, password.get()), redelivered));
  }

  private static BotEndpoint endpoint(CommandMessage command, String password) {
    return new BotEndpoint(
        command.botId(), URI.create(command.bot().url()), command.bot().username(), password);
  }

  private void finish(String stream, StreamEntry entry, CommandMessage command, Outcome outcome) {
    ResultMessage result = result(command, outcome.status(), outcome.reason(), outcome.detail());
    streams.finish(
        stream, entry.getID(), command.id(), security.sign(result.toFields()), settings.doneTtl());
    observer.finished(command.type(), outcome.status());
  }

  /** For an entry already dead-lettered (and acknowledged): the result, so management knows. */
  private void finishWithoutAck(CommandMessage command, CommandStatus status, String reason) {
    streams.publishResult(security.sign(result(command, status, reason, "{}").toFields()));
  }

  private void reportDeadLetter(Map<String, String> fields, String reason) {
    String id = fields.get("id");
    String bot = fields.get("bot");
    if (id != null && bot != null) {
      ResultMessage result =
          new ResultMessage(
              id,
              bot,
              CommandStatus.DEAD_LETTERED,
              reason,
              settings.instanceId(),
              clock.instant(),
              "{}");
      streams.publishResult(security.sign(result.toFields()));
    }
  }

  private ResultMessage result(
      CommandMessage command, CommandStatus status, String reason, String detail) {
    return new ResultMessage(
        command.id(),
        command.botId(),
        status,
        reason,
        settings.instanceId(),
        clock.instant(),
        detail);
  }
}
