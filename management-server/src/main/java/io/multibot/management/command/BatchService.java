package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import io.multibot.common.json.Jsons;
import io.multibot.common.problem.FieldError;
import io.multibot.management.bot.BotTarget;
import io.multibot.management.bot.CommandTargets;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import io.multibot.management.notify.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Commands for many bots at once: a batch with one command per selected bot, each stored and
 * published like a single command. A bot the gateway cannot reach gets a REJECTED command in the
 * batch rather than failing the others. The kill switch is a batch of EMERGENCY_STOP commands on
 * the priority lane.
 */
@ApplicationScoped
@Transactional
public class BatchService {

  /** The kill switch may wait longer to start than an ordinary command: it must not expire. */
  static final Duration EMERGENCY_EXPIRY = Duration.ofMinutes(30);

  private final CommandTargets bots;
  private final CommandRepository commands;
  private final CommandDispatch dispatch;
  private final CommandMetrics metrics;
  private final Alerts alerts;
  private final Clock clock;
  private final CommandFactory factory;

  @Inject
  public BatchService(
      CommandTargets bots,
      CommandRepository commands,
      CommandDispatch dispatch,
      CommandMetrics metrics,
      Alerts alerts,
      Clock clock) {
    this.bots = bots;
    this.commands = commands;
    this.dispatch = dispatch;
    this.metrics = metrics;
    this.alerts = alerts;
    this.clock = clock;
    this.factory = new CommandFactory(clock);
  }

  /** For CDI's proxy only. */
  protected BatchService() {
    this(null, null, null, null, null, null);
  }

  /** A command for the bots the request's selector chooses (422 when it chooses none). */
  public BatchView bulk(BulkRequest request, String user) {
    BulkRequest.Selector selector = selector(request.selector());
    return forTargets(
        CommandRequestValidator.validate(request.command(), null),
        bots.targets(selector.bots(), selector.tags(), Boolean.TRUE.equals(selector.all())),
        describe(selector),
        user);
  }

  /** Start, stop or restart every bot ({@code /commands/start-all} and the like). */
  public BatchView all(CommandType type, String user) {
    return forTargets(
        CommandRequestValidator.validate(CommandRequest.none(), type),
        bots.targets(null, null, true),
        describe(new BulkRequest.Selector(null, null, true)),
        user);
  }

  private BatchView forTargets(
      CommandRequestValidator.Valid valid, List<BotTarget> targets, String selector, String user) {
    if (valid.type() == CommandType.EMERGENCY_STOP) {
      throw CommandProblems.invalid(
          List.of(new FieldError("type", "emergency_stop is sent through /emergency/stop-all")));
    }
    if (targets.isEmpty()) {
      throw CommandProblems.invalid(List.of(new FieldError("selector", "selects no bot")));
    }
    return create(new BatchSpec(CommandBatch.Kind.BULK, valid, selector, false), targets, user);
  }

  /** The kill switch: every bot stops new entries, optionally exits its positions, and stops. */
  public BatchView emergencyStop(boolean exitPositions, String user) {
    List<BotTarget> targets = bots.targets(null, null, true);
    String params =
        Jsons.createObjectBuilder().add("exit_positions", exitPositions).build().toString();
    BatchSpec spec =
        new BatchSpec(
            CommandBatch.Kind.EMERGENCY,
            new CommandRequestValidator.Valid(CommandType.EMERGENCY_STOP, params, EMERGENCY_EXPIRY),
            "{\"all\":true}",
            true);
    BatchView batch = create(spec, targets, user);
    if (alerts != null) {
      alerts.raise(
          Alert.of(
              AlertType.KILL_SWITCH_PULLED,
              null,
              "the whole fleet",
              "pulled by "
                  + user
                  + ": "
                  + targets.size()
                  + " bot(s) stop"
                  + (exitPositions ? " and exit every position" : ", positions kept")
                  + "; batch "
                  + batch.id(),
              clock.instant()));
    }
    return batch;
  }

  /**
   * A tripped risk guard's command to the bots it covers, on the priority lane: pause (no new
   * entries), stop, or the emergency stop with or without exiting positions. Empty when no bot is
   * covered any more.
   */
  public java.util.Optional<BatchView> guard(
      List<String> botIds, CommandType type, boolean exitPositions, String policy) {
    List<BotTarget> targets = botIds.isEmpty() ? List.of() : bots.targets(botIds, null, false);
    if (targets.isEmpty()) {
      return java.util.Optional.empty();
    }
    String params =
        type == CommandType.EMERGENCY_STOP
            ? Jsons.createObjectBuilder().add("exit_positions", exitPositions).build().toString()
            : "{}";
    BatchSpec spec =
        new BatchSpec(
            CommandBatch.Kind.GUARD,
            new CommandRequestValidator.Valid(type, params, EMERGENCY_EXPIRY),
            Jsons.createObjectBuilder().add("riskPolicy", policy).build().toString(),
            true);
    return java.util.Optional.of(create(spec, targets, "risk-guard"));
  }

  /** What every command of a batch shares. */
  private record BatchSpec(
      CommandBatch.Kind kind,
      CommandRequestValidator.Valid order,
      String selector,
      boolean priority) {}

  private BatchView create(BatchSpec spec, List<BotTarget> targets, String user) {
    CommandBatch batch =
        new CommandBatch(
            UUID.randomUUID().toString(),
            spec.kind(),
            spec.order().type(),
            spec.selector(),
            user,
            clock.instant());
    commands.addBatch(batch);
    commanded(targets, spec.order().type());
    CommandFactory.Issuer issuer = new CommandFactory.Issuer(user, null);
    List<String> reachable = new java.util.ArrayList<>();
    for (BotTarget bot : targets) {
      CommandRecord command =
          factory.create(bot, spec.order(), spec.priority(), issuer, batch.getId());
      if (bot.reachable()) {
        reachable.add(command.getBotId());
        metrics.accepted(command.getType());
      }
      commands.add(command);
    }
    dispatch.afterCommit(reachable);
    commands.flush();
    return batch(batch.getId());
  }

  /** The state the reachable bots should now be in (start, stop or the kill switch). */
  private void commanded(List<BotTarget> targets, CommandType type) {
    bots.commanded(targets.stream().filter(BotTarget::reachable).map(BotTarget::id).toList(), type);
  }

  public BatchView batch(String id) {
    CommandBatch batch = commands.findBatch(id).orElseThrow(() -> CommandProblems.notFound(id));
    return BatchView.of(batch, commands.membersOf(id));
  }

  private static BulkRequest.Selector selector(BulkRequest.Selector selector) {
    if (selector == null) {
      throw CommandProblems.invalid(
          List.of(new FieldError("selector", "is required: bots, tags or all")));
    }
    int given =
        (selector.bots() != null ? 1 : 0)
            + (selector.tags() != null ? 1 : 0)
            + (selector.all() != null ? 1 : 0);
    if (given != 1 || Boolean.FALSE.equals(selector.all())) {
      throw CommandProblems.invalid(
          List.of(
              new FieldError("selector", "must have exactly one of bots, tags or \"all\": true")));
    }
    return selector;
  }

  private static String describe(BulkRequest.Selector selector) {
    var json = Jsons.createObjectBuilder();
    if (selector.bots() != null) {
      json.add("bots", Jsons.createArrayBuilder(selector.bots()));
    } else if (selector.tags() != null) {
      json.add("tags", Jsons.createArrayBuilder(selector.tags()));
    } else {
      json.add("all", true);
    }
    String text = json.build().toString();
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
