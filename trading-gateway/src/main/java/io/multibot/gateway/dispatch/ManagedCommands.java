package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.LaunchSpec;
import io.multibot.common.concurrent.Pause;
import io.multibot.common.json.Jsons;
import io.multibot.common.status.ProcessState;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.runtime.ManagedStatus;
import io.multibot.gateway.runtime.Supervisor;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Commands for managed bots, which run as processes of the gateway instance that owns the bot's
 * partition: start and restart launch the bot from the spec the command carries, stop ends its
 * process gracefully, the kill switch stops trading through the API and then ends the process;
 * everything else goes to the bot's API on 127.0.0.1. Taking a partition over launches the bots
 * that should run in it; giving it back stops them first, so a bot never runs on two instances.
 */
final class ManagedCommands {

  private static final Logger LOG = Logger.getLogger(ManagedCommands.class.getName());

  private final Supervisor supervisor;
  private final ManagedRegistry registry;
  private final CommandExecutor executor;
  private final StreamSecurity security;
  private final StreamNames names;
  private final Duration takeoverWait;

  /** Bots a stop is under way for: never re-asserted as wanted meanwhile. */
  private final java.util.Set<String> stopping = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param takeoverWait how long a new owner waits for the previous instance to stop a bot it still
   *     claims to run (that instance's lease lifetime plus its stop grace period)
   */
  ManagedCommands(
      Supervisor supervisor,
      ManagedRegistry registry,
      CommandExecutor executor,
      StreamSecurity security,
      StreamNames names,
      Duration takeoverWait) {
    this.supervisor = supervisor;
    this.registry = registry;
    this.executor = executor;
    this.security = security;
    this.names = names;
    this.takeoverWait = takeoverWait;
  }

  Outcome run(CommandMessage command, boolean redelivered) {
    return switch (command.type()) {
      case START -> withSpec(command, this::start);
      case RESTART ->
          withSpec(
              command,
              spec -> {
                supervisor.stop(spec.botId());
                return start(spec);
              });
      case STOP -> stop(command.botId());
      case EMERGENCY_STOP -> emergencyStop(command, redelivered);
      default -> viaApi(command, redelivered);
    };
  }

  private Outcome withSpec(
      CommandMessage command, java.util.function.Function<LaunchSpec, Outcome> action) {
    Optional<LaunchSpec> spec =
        Optional.ofNullable(command.launch())
            .flatMap(security::decrypt)
            .flatMap(LaunchSpec::fromJson)
            .filter(s -> s.botId().equals(command.botId()));
    if (spec.isEmpty()) {
      return new Outcome(
          CommandStatus.REJECTED,
          "the command carries no launch spec this gateway can read for the bot",
          "{}");
    }
    return action.apply(spec.get());
  }

  private Outcome start(LaunchSpec spec) {
    registry.want(spec);
    Supervisor.Started started = supervisor.start(spec);
    if (started.endpoint().isEmpty()) {
      JsonArrayBuilder lines = Jsons.createArrayBuilder();
      started.logLines().forEach(lines::add);
      return new Outcome(
          CommandStatus.FAILED,
          started.reason(),
          Jsons.createObjectBuilder().add("log", lines).build().toString());
    }
    registry.runsHere(spec.botId());
    return Outcome.succeeded(stateDetail(spec.botId()));
  }

  private Outcome stop(String botId) {
    stopping.add(botId);
    boolean graceful;
    try {
      registry.forget(botId);
      graceful = supervisor.stop(botId);
      registry.stoppedHere(botId);
    } finally {
      stopping.remove(botId);
    }
    return Outcome.succeeded(
        Jsons.createObjectBuilder()
            .add("state", "stopped")
            .add("graceful", graceful)
            .build()
            .toString());
  }

  /** Pause, exit positions if asked, stop trading (through the API, when it runs), then end it. */
  private Outcome emergencyStop(CommandMessage command, boolean redelivered) {
    Optional<BotEndpoint> endpoint = supervisor.endpoint(command.botId());
    Outcome trading =
        endpoint.isPresent() ? executor.execute(command, endpoint.get(), redelivered) : null;
    Outcome stopped = stop(command.botId());
    return trading == null || trading.status() == CommandStatus.SUCCEEDED ? stopped : trading;
  }

  private Outcome viaApi(CommandMessage command, boolean redelivered) {
    Optional<BotEndpoint> endpoint = awaitEndpoint(command);
    if (endpoint.isEmpty()) {
      String state =
          supervisor.status(command.botId()).map(s -> s.state().name()).orElse("STOPPED");
      return Outcome.failed("the bot does not run (state " + state + "): start it first");
    }
    return executor.execute(command, endpoint.get(), redelivered);
  }

  /**
   * Where the bot answers. A bot that is starting, or waiting to be restarted after it exited, is
   * waited for (within the command's expiry and the start timeout), keeping the partition's order;
   * only a bot that is really stopped or crashed refuses at once.
   */
  private Optional<BotEndpoint> awaitEndpoint(CommandMessage command) {
    Instant until =
        Instant.now().plus(supervisor.settings().startTimeout()).isBefore(command.expiresAt())
            ? Instant.now().plus(supervisor.settings().startTimeout())
            : command.expiresAt();
    Optional<BotEndpoint> endpoint = supervisor.endpoint(command.botId());
    while (endpoint.isEmpty() && coming(command.botId()) && Instant.now().isBefore(until)) {
      if (!Pause.sleep(Duration.ofMillis(200))) {
        break;
      }
      endpoint = supervisor.endpoint(command.botId());
    }
    return endpoint;
  }

  private boolean coming(String botId) {
    return supervisor
        .status(botId)
        .map(s -> s.state() == ProcessState.STARTING || s.state() == ProcessState.BACKOFF)
        .orElse(false);
  }

  private String stateDetail(String botId) {
    Optional<ManagedStatus> status = supervisor.status(botId);
    return Jsons.createObjectBuilder()
        .add("state", "running")
        .add("pid", status.map(ManagedStatus::pid).orElse(-1L))
        .build()
        .toString();
  }

  /**
   * Launches the bots that should run in a partition this instance now owns. A bot another instance
   * still claims is launched once that instance has stopped it, or after {@code takeoverWait} (a
   * dead instance's bots died with it, or were ended when its lease ran out).
   */
  void adopt(int partition, BooleanSupplier stillOwned) {
    launchWanted(partition, stillOwned, spec -> true);
  }

  /**
   * Launches (or adopts, when its process still runs in its workspace) each bot that should run in
   * the partition and that this instance has never seen: the record was missing when the partition
   * was taken (Redis lost it, and management wrote it back from the registry since). A bot this
   * instance knows, running, crashed or stopped, is left to its supervision and its commands.
   */
  void reconcile(int partition, BooleanSupplier stillOwned) {
    java.util.function.Predicate<String> unseen =
        botId -> supervisor.status(botId).isEmpty() && registry.runElsewhere(botId).isEmpty();
    // The usual round finds nothing to do: decide on the ids, and decrypt specs only when needed.
    if (registry.wantedIds(partition).stream().anyMatch(unseen)) {
      launchWanted(partition, stillOwned, spec -> unseen.test(spec.botId()));
    }
  }

  private void launchWanted(
      int partition, BooleanSupplier stillOwned, java.util.function.Predicate<LaunchSpec> which) {
    List<LaunchSpec> wanted;
    try {
      wanted = registry.wanted(partition);
    } catch (JedisException e) {
      LOG.log(
          Level.WARNING,
          "cannot read the managed bots of partition {0}: {1}",
          new Object[] {partition, e.getMessage()});
      return;
    }
    long began = System.nanoTime();
    for (LaunchSpec spec : wanted.stream().filter(which).toList()) {
      Optional<String> runner =
          supervisor.adoptable(spec.botId())
              ? Optional.empty()
              : registry.runElsewhere(spec.botId());
      while (stillOwned.getAsBoolean()
          && runner.isPresent()
          && System.nanoTime() - began < waitFor(runner.get()).toNanos()) {
        Pause.sleep(Duration.ofMillis(500));
        runner = registry.runElsewhere(spec.botId());
      }
      if (!stillOwned.getAsBoolean()) {
        return;
      }
      Outcome outcome = start(spec);
      LOG.info(() -> "partition " + partition + ": bot " + spec.botId() + " " + outcome.status());
    }
  }

  /**
   * How long to wait for another runner to stop a bot: a dead or leaving instance's lease lifetime
   * plus the stop grace; for one that left its bots running on purpose, the leave wait (it is
   * expected back on the same host, where it adopts them).
   */
  private Duration waitFor(String runner) {
    return runner.endsWith(ManagedRegistry.LEFT) ? supervisor.settings().leaveWait() : takeoverWait;
  }

  /**
   * Writes back, for the bots this instance runs in the partitions it owns, what Redis should say
   * about them, so that a Redis that lost its data does not make the next owner (or this instance
   * after a restart) abandon them.
   */
  void reassert(java.util.Set<Integer> owned) {
    for (String botId : supervisor.active()) {
      if (owned.contains(names.partitionOf(botId)) && !stopping.contains(botId)) {
        supervisor.spec(botId).ifPresent(registry::reassert);
      }
    }
  }

  /**
   * Stops this instance's managed bots of a partition it is giving back or has lost; when the
   * gateway itself stops and is configured to leave its bots running, marks them left instead.
   */
  void release(int partition, boolean shuttingDown) {
    boolean leave = shuttingDown && supervisor.settings().leaveOnShutdown();
    for (String botId : supervisor.active()) {
      if (names.partitionOf(botId) != partition) {
        continue;
      }
      try {
        if (leave) {
          registry.leftHere(botId);
        } else {
          supervisor.stop(botId);
          registry.stoppedHere(botId);
        }
      } catch (JedisException e) {
        LOG.log(
            Level.WARNING,
            "bot {0}: Redis was not told ({1})",
            new Object[] {botId, e.getMessage()});
      }
    }
  }
}
