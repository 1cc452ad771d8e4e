package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.ResultMessage;
import io.multibot.management.bot.BotTarget;
import io.multibot.management.bot.CommandTargets;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import io.multibot.management.notify.Alerts;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.persistence.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Use cases of commands. Accepting one stores it (ACCEPTED) in the caller's transaction and hands
 * it to the publisher only once that transaction has committed, so nothing is sent that was not
 * recorded; what is recorded but not sent is re-sent by the outbox sweeper.
 */
@ApplicationScoped
@Transactional
public class CommandService {

  /** Timestamps come back from the database at microsecond precision (PostgreSQL). */
  private static final Duration STORED_TIME_PRECISION = Duration.ofMillis(1);

  private final CommandRepository commands;
  private final CommandTargets bots;
  private final CommandDispatch dispatch;
  private final CommandMetrics metrics;
  private final Alerts alerts;
  private final Clock clock;
  private final CommandFactory factory;

  @Inject
  public CommandService(
      CommandRepository commands,
      CommandTargets bots,
      CommandDispatch dispatch,
      CommandMetrics metrics,
      Alerts alerts,
      Clock clock) {
    this.commands = commands;
    this.bots = bots;
    this.dispatch = dispatch;
    this.metrics = metrics;
    this.alerts = alerts;
    this.clock = clock;
    this.factory = new CommandFactory(clock);
  }

  /** For CDI's proxy only. */
  protected CommandService() {
    this(null, null, null, null, null, null);
  }

  /**
   * What accepting a command gave: the command, and whether it is new (not an idempotent replay).
   */
  public record Accepted(CommandView command, boolean created) {}

  public Accepted accept(
      String botIdOrName,
      CommandRequest request,
      CommandType fixedType,
      String user,
      String idempotencyKey) {
    CommandRequestValidator.Valid valid = CommandRequestValidator.validate(request, fixedType);
    BotTarget bot = bots.target(botIdOrName);
    if (idempotencyKey != null) {
      var earlier = commands.findByIdempotencyKey(user, idempotencyKey);
      if (earlier.isPresent()) {
        CommandRecord command = earlier.get();
        if (!sameRequest(command, bot, valid)) {
          throw CommandProblems.keyReused(idempotencyKey);
        }
        return new Accepted(CommandView.of(command), false);
      }
    }
    if (!bot.reachable()) {
      throw CommandProblems.unreachable(bot.name());
    }
    CommandRecord command =
        factory.create(bot, valid, false, new CommandFactory.Issuer(user, idempotencyKey), null);
    store(command, idempotencyKey);
    bots.commanded(List.of(bot.id()), command.getType());
    dispatch.afterCommit(command.getBotId());
    metrics.accepted(command.getType());
    return new Accepted(CommandView.of(command), true);
  }

  /**
   * Whether a request repeating an Idempotency-Key asks for exactly what the first one did: the
   * same bot, type, parameters and expiry. Anything else is a client bug (409), never the first
   * command silently returned for a different request.
   */
  static boolean sameRequest(
      CommandRecord earlier, BotTarget bot, CommandRequestValidator.Valid valid) {
    return earlier.getBotId().equals(bot.id())
        && earlier.getType() == valid.type()
        && earlier.getParams().equals(valid.params())
        && Duration.between(earlier.getCreatedAt(), earlier.getExpiresAt())
                .minus(valid.expiresIn())
                .abs()
                .compareTo(STORED_TIME_PRECISION)
            <= 0;
  }

  private void store(CommandRecord command, String idempotencyKey) {
    try {
      commands.add(command);
      commands.flush();
    } catch (PersistenceException e) {
      if (idempotencyKey != null && ConstraintViolations.isCause(e)) {
        // Another request with the same key won the race; its command is the one.
        throw CommandProblems.keyInUse(idempotencyKey);
      }
      throw e;
    }
  }

  public CommandView get(String id) {
    return commands
        .findById(id)
        .map(CommandView::of)
        .orElseThrow(() -> CommandProblems.notFound(id));
  }

  /** The command, if it is stored (and committed, as far as this transaction can see). */
  public java.util.Optional<CommandView> find(String id) {
    return commands.findById(id).map(CommandView::of);
  }

  /**
   * A page of commands with the cursor of the next one; the whole list is counted only for a
   * numbered page, never for one asked for by cursor.
   */
  public Page<CommandView> list(CommandQuery query) {
    List<CommandRecord> rows = commands.find(query);
    int size = query.page().size();
    List<CommandRecord> shown = rows.size() > size ? rows.subList(0, size) : rows;
    String next = rows.size() > size ? CommandCursor.of(shown.get(size - 1)).encode() : null;
    List<CommandView> items = shown.stream().map(CommandView::of).toList();
    return query.after() == null
        ? Page.of(items, query.page(), commands.count(query), next)
        : Page.keyset(items, size, next);
  }

  /** The bot id for a bot id or name (404 problem if unknown). */
  public String botId(String idOrName) {
    return bots.id(idOrName);
  }

  /**
   * Applies a gateway's report; duplicates and reports that would move backwards change nothing.
   */
  public boolean apply(ResultMessage result) {
    return commands
        .findForUpdate(result.commandId())
        .filter(
            c ->
                c.advance(
                    result.status(),
                    result.reason(),
                    result.detail(),
                    result.gateway(),
                    result.at()))
        .map(this::measure)
        .isPresent();
  }

  /**
   * Applies a round of reports in this one transaction, each as {@link #apply} would, in stream
   * order for each command; commands are locked in id order, so two batches cannot deadlock on each
   * other. Returns the commands this batch brought to their outcome (for the waiters, after the
   * commit).
   */
  public List<String> applyAll(List<ResultMessage> results) {
    List<ResultMessage> byCommand =
        results.stream().sorted(java.util.Comparator.comparing(ResultMessage::commandId)).toList();
    java.util.Set<String> finished = new java.util.LinkedHashSet<>();
    for (ResultMessage result : byCommand) {
      if (apply(result) && result.status().terminal()) {
        finished.add(result.commandId());
      }
    }
    return List.copyOf(finished);
  }

  private CommandRecord measure(CommandRecord command) {
    if (command.getStatus().terminal()) {
      alert(command);
      metrics.finished(
          command.getType(),
          command.getStatus(),
          java.time.Duration.between(command.getCreatedAt(), command.getFinishedAt()));
    }
    return command;
  }

  /**
   * A command that failed, was dead-lettered or whose outcome is unknown is an alert (queued in
   * this transaction, so it commits with the outcome). The reason is the gateway's or ours and
   * never holds a secret.
   */
  private void alert(CommandRecord command) {
    AlertType type =
        switch (command.getStatus()) {
          case FAILED -> AlertType.COMMAND_FAILED;
          case DEAD_LETTERED -> AlertType.COMMAND_DEAD_LETTERED;
          case UNKNOWN -> AlertType.COMMAND_OUTCOME_UNKNOWN;
          default -> null;
        };
    if (type != null && alerts != null) {
      alerts.raise(
          Alert.of(
              type,
              command.getBotId(),
              command.getType().wireName() + " " + command.getId(),
              command.getReason() == null ? "" : command.getReason(),
              clock.instant()));
    }
  }

  /** Bots with commands still ACCEPTED a while after they were created (publishing failed). */
  public List<String> botsWithUnpublished(java.time.Duration olderThan) {
    return commands.botsWithAccepted(clock.instant().minus(olderThan), 100);
  }

  /** Commands never started whose expiry passed {@code grace} ago (for {@link #expire}). */
  public List<String> stale(java.time.Duration grace) {
    return commands
        .expired(
            List.of(CommandStatus.ACCEPTED, CommandStatus.DISPATCHED),
            clock.instant().minus(grace),
            100)
        .stream()
        .map(CommandRecord::getId)
        .toList();
  }

  /**
   * Marks one command EXPIRED if it still has not started; returns whether it did. A command that
   * had started before Redis lost it (sent again, recovered, and not run again in time) may have
   * acted: it ends UNKNOWN, never "not started".
   */
  public boolean expire(String id) {
    return commands
        .findForUpdate(id)
        .filter(
            c ->
                c.getStartedAt() == null
                    ? c.advance(
                        CommandStatus.EXPIRED,
                        "not started before " + c.getExpiresAt(),
                        "{}",
                        null,
                        clock.instant())
                    : c.advance(
                        CommandStatus.UNKNOWN,
                        "it was running when Redis lost it, and expired before it could be checked"
                            + " at the bot: check the bot",
                        "{}",
                        null,
                        clock.instant()))
        .map(this::measure)
        .isPresent();
  }

  /** Commands RUNNING since longer than {@code limit} ago (for {@link #giveUp}). */
  public List<String> overdue(java.time.Duration limit) {
    return commands.running(clock.instant().minus(limit), 100).stream()
        .map(CommandRecord::getId)
        .toList();
  }

  /**
   * A command RUNNING far longer than any bot call takes: its gateway died and its result is lost.
   * It ends UNKNOWN, never a guessed FAILED; a real result that still arrives replaces it.
   */
  public boolean giveUp(String id, java.time.Duration limit) {
    return commands
        .findForUpdate(id)
        .filter(c -> c.getStatus() == CommandStatus.RUNNING)
        .filter(
            c ->
                c.advance(
                    CommandStatus.UNKNOWN,
                    "no result within "
                        + limit
                        + " of starting: whether it reached the bot could not be established;"
                        + " check the bot",
                    "{}",
                    null,
                    clock.instant()))
        .map(this::measure)
        .isPresent();
  }

  /**
   * After Redis lost its data: every command queued or running goes back to ACCEPTED, to be
   * published again in order (marked recovered). Returns the bots concerned.
   */
  public List<String> requeueInFlight() {
    java.util.Set<String> botIds = new java.util.LinkedHashSet<>();
    for (CommandRecord command : commands.inFlight(10_000)) {
      if (command.requeue()) {
        botIds.add(command.getBotId());
      }
    }
    return List.copyOf(botIds);
  }
}
