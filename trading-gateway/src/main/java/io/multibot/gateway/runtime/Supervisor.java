package io.multibot.gateway.runtime;

import io.multibot.common.command.LaunchSpec;
import io.multibot.common.concurrent.Pause;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.ProcessState;
import io.multibot.gateway.bot.BotEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Launches managed bots and keeps them running: each exit is noticed when it happens (the process's
 * exit future), a bot that exits on its own is started again after a doubling wait when its policy
 * says so, and one that keeps exiting ends CRASHED with its last log lines. Stops are graceful.
 */
public final class Supervisor implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());
  private static final Duration POLL = Duration.ofMillis(200);

  private final RuntimeSettings settings;
  private final ScheduledExecutorService scheduler;
  private final SupervisorOutlets outlets;
  private final Clock clock;
  private final Sealer sealer;
  private final BotProbe probe = new BotProbe();
  private final ConcurrentMap<String, ManagedBot> bots = new ConcurrentHashMap<>();

  /** How a start ended: the bot answers at {@code endpoint}, or {@code reason} says why not. */
  public record Started(Optional<BotEndpoint> endpoint, String reason, List<String> logLines) {

    static Started ok(BotEndpoint endpoint) {
      return new Started(Optional.of(endpoint), "", List.of());
    }

    static Started failed(String reason, List<String> logLines) {
      return new Started(Optional.empty(), reason, logLines);
    }
  }

  public Supervisor(
      RuntimeSettings settings,
      ScheduledExecutorService scheduler,
      ProcessEvent.Listener listener,
      Clock clock,
      Sealer sealer) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.outlets = new SupervisorOutlets(listener);
    this.clock = clock;
    this.sealer = sealer;
  }

  /**
   * Starts the bot unless it already runs here, and waits until its API answers. A new start resets
   * the restart count and takes the spec's config and restart policy.
   */
  public Started start(LaunchSpec spec) {
    ManagedBot bot = bots.computeIfAbsent(spec.botId(), ManagedBot::new);
    Process process;
    synchronized (bot) {
      if (bot.endpointIfRunning() != null) {
        return Started.ok(bot.endpointIfRunning());
      }
      if (!(bot.alive() && bot.is(ProcessState.STARTING))) {
        bot.startAnew(spec);
        try {
          if (adopt(bot)) {
            return Started.ok(bot.launch().endpoint());
          }
          launch(bot);
        } catch (IOException | RuntimeException e) {
          bot.moveTo(ProcessState.STOPPED, clock.instant());
          return Started.failed("the bot could not be launched: " + e.getMessage(), List.of());
        }
      }
      process = bot.process();
    }
    return awaitReady(bot, process);
  }

  private void launch(ManagedBot bot) throws IOException {
    BotWorkspace.Launch launch = BotWorkspace.prepare(settings, bot.spec(), freePort());
    Processes.endLeftover(launch.directory(), settings.stopGrace())
        .ifPresent(
            pid -> LOG.warning(() -> "ended a leftover process " + pid + " of " + bot.botId()));
    Process process = Processes.start(launch);
    BotWorkspace.recordRuntime(launch, sealer);
    bot.launched(launch, process, clock.instant());
    LOG.info(() -> "bot " + bot.botId() + " launched, pid " + process.pid());
    watch(bot, process);
  }

  /** Whether a bot an earlier gateway left running in this host's workspaces can be taken over. */
  public boolean adoptable(String botId) {
    try {
      Path directory = BotWorkspace.directory(settings.workspaces(), botId);
      return Processes.leftover(directory).isPresent()
          && BotWorkspace.recordedRuntime(directory, sealer)
              .map(launch -> probe.authorized(launch.endpoint()))
              .orElse(false);
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Takes over a bot left running in its workspace (pid file, sealed endpoint, API login). */
  private boolean adopt(ManagedBot bot) throws IOException {
    Path directory = BotWorkspace.directory(settings.workspaces(), bot.botId());
    Optional<ProcessHandle> running = Processes.leftover(directory);
    Optional<BotWorkspace.Launch> recorded =
        running.isEmpty() ? Optional.empty() : BotWorkspace.recordedRuntime(directory, sealer);
    if (recorded.isEmpty() || !probe.authorized(recorded.get().endpoint())) {
      return false;
    }
    Process process = new AdoptedProcess(running.get());
    bot.launched(recorded.get(), process, clock.instant());
    bot.moveTo(ProcessState.RUNNING, clock.instant());
    watch(bot, process);
    outlets.emit(
        new ProcessEvent(
            bot.botId(),
            ProcessEvent.Kind.STARTED,
            null,
            "adopted the running pid " + process.pid(),
            List.of(),
            clock.instant()));
    return true;
  }

  /** Notices the process's exit when it happens. */
  private void watch(ManagedBot bot, Process process) {
    process
        .onExit()
        .thenRun(
            () -> {
              try {
                scheduler.execute(() -> exited(bot, process));
              } catch (RejectedExecutionException e) {
                exited(bot, process);
              }
            });
  }

  /** Polls the bot's {@code /api/v1/ping} until it answers, the process ends or time runs out. */
  private Started awaitReady(ManagedBot bot, Process process) {
    BotEndpoint endpoint;
    synchronized (bot) {
      endpoint = bot.launch().endpoint();
    }
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return Started.failed(
            "the bot exited with code " + process.exitValue() + " before its API answered",
            logTail(bot));
      }
      if (probe.answers(endpoint)) {
        return running(bot, process, endpoint);
      }
      if (!Pause.sleep(POLL)) {
        break;
      }
    }
    synchronized (bot) {
      if (bot.process() == process) {
        bot.moveTo(ProcessState.STOPPING, clock.instant());
      }
    }
    Processes.terminate(process.toHandle(), Duration.ZERO);
    return Started.failed(
        "the bot's API did not answer within " + settings.startTimeout(), logTail(bot));
  }

  private Started running(ManagedBot bot, Process process, BotEndpoint endpoint) {
    synchronized (bot) {
      if (bot.process() != process || !bot.is(ProcessState.STARTING)) {
        return bot.process() == process && bot.is(ProcessState.RUNNING)
            ? Started.ok(endpoint)
            : Started.failed("the bot was stopped while it started", List.of());
      }
      bot.moveTo(ProcessState.RUNNING, clock.instant());
    }
    outlets.emit(
        new ProcessEvent(
            bot.botId(),
            ProcessEvent.Kind.STARTED,
            null,
            "pid " + process.pid(),
            List.of(),
            clock.instant()));
    return Started.ok(endpoint);
  }

  /** Receives the endpoint of each launch that ended ({@link SupervisorOutlets}). */
  public void onRetired(java.util.function.Consumer<BotEndpoint> receiver) {
    outlets.onRetired(receiver);
  }

  /** A process ended: after a stop, or on its own (then the restart policy decides). */
  private void exited(ManagedBot bot, Process process) {
    ProcessEvent event;
    BotEndpoint ended;
    synchronized (bot) {
      if (!bot.ended(process)) {
        return;
      }
      ended = bot.launch().endpoint();
      Processes.forgetPid(bot.launch().directory());
      int code = process.exitValue();
      Instant now = clock.instant();
      if (bot.is(ProcessState.STOPPING)) {
        bot.moveTo(ProcessState.STOPPED, now);
        event =
            new ProcessEvent(
                bot.botId(), ProcessEvent.Kind.STOPPED, code, "stopped", List.of(), now);
      } else {
        ManagedBot.ExitDecision decision = bot.exitedOnItsOwn(code, logTail(bot), settings, now);
        if (decision.restartAfter() != null) {
          bot.restartLater(
              scheduler.schedule(
                  () -> restart(bot), decision.restartAfter().toMillis(), TimeUnit.MILLISECONDS));
        }
        event =
            new ProcessEvent(
                bot.botId(), decision.kind(), code, decision.detail(), bot.lastLogLines(), now);
      }
      // Retired before a waiting stop() is woken, so its caller finds the launch forgotten.
      outlets.retire(ended);
      bot.notifyAll();
    }
    outlets.emit(event);
  }

  private void restart(ManagedBot bot) {
    Process process;
    synchronized (bot) {
      if (!bot.is(ProcessState.BACKOFF)) {
        return;
      }
      try {
        launch(bot);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "bot " + bot.botId() + " could not be launched again", e);
        bot.moveTo(ProcessState.CRASHED, clock.instant());
        return;
      }
      process = bot.process();
    }
    Started started = awaitReady(bot, process);
    if (started.endpoint().isEmpty()) {
      LOG.warning(() -> "bot " + bot.botId() + " did not come back: " + started.reason());
    }
  }

  /**
   * Stops the bot gracefully: SIGTERM, the grace period, then SIGKILL; a pending restart is
   * cancelled. Returns whether it ended within the grace period (true when it was not running).
   */
  public boolean stop(String botId) {
    ManagedBot bot = bots.get(botId);
    if (bot == null) {
      return true;
    }
    Process process;
    synchronized (bot) {
      bot.cancelPendingRestart();
      if (!bot.alive()) {
        if (!bot.is(ProcessState.STOPPED)) {
          bot.moveTo(ProcessState.STOPPED, clock.instant());
        }
        return true;
      }
      bot.moveTo(ProcessState.STOPPING, clock.instant());
      process = bot.process();
    }
    boolean graceful = Processes.terminate(process.toHandle(), settings.stopGrace());
    awaitStopped(bot, process);
    return graceful;
  }

  /** Waits (briefly) for the exit handler, so that a stop returns with the state settled. */
  private static void awaitStopped(ManagedBot bot, Process process) {
    synchronized (bot) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (bot.process() == process && System.nanoTime() < deadline) {
        try {
          bot.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** How bots are launched and supervised here. */
  public RuntimeSettings settings() {
    return settings;
  }

  /** The spec the bot was last started with here. */
  public Optional<LaunchSpec> spec(String botId) {
    ManagedBot bot = bots.get(botId);
    if (bot == null) {
      return Optional.empty();
    }
    synchronized (bot) {
      return Optional.ofNullable(bot.spec());
    }
  }

  /** Where the bot answers, while it runs here. */
  public Optional<BotEndpoint> endpoint(String botId) {
    ManagedBot bot = bots.get(botId);
    if (bot == null) {
      return Optional.empty();
    }
    synchronized (bot) {
      return Optional.ofNullable(bot.endpointIfRunning());
    }
  }

  public Optional<ManagedStatus> status(String botId) {
    ManagedBot bot = bots.get(botId);
    if (bot == null) {
      return Optional.empty();
    }
    synchronized (bot) {
      return Optional.of(bot.status());
    }
  }

  public List<ManagedStatus> statuses() {
    List<ManagedStatus> all = new ArrayList<>();
    for (ManagedBot bot : bots.values()) {
      synchronized (bot) {
        all.add(bot.status());
      }
    }
    return all;
  }

  /** The bots with a process or a pending restart here. */
  public List<String> active() {
    return statuses().stream()
        .filter(
            status ->
                status.state() != ProcessState.STOPPED && status.state() != ProcessState.CRASHED)
        .map(ManagedStatus::botId)
        .toList();
  }

  /** Stops every bot (in parallel on the scheduler's threads). */
  @Override
  public void close() {
    List<java.util.concurrent.Future<Boolean>> stops = new ArrayList<>();
    for (String botId : active()) {
      stops.add(scheduler.submit(() -> stop(botId)));
    }
    for (java.util.concurrent.Future<Boolean> stop : stops) {
      try {
        stop.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.log(Level.WARNING, "a bot did not stop cleanly", e.getCause());
      }
    }
  }

  private List<String> logTail(ManagedBot bot) {
    BotWorkspace.Launch launch;
    synchronized (bot) {
      launch = bot.launch();
    }
    return launch == null ? List.of() : LogTail.of(launch, settings.logLines());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
