package io.multibot.gateway.runtime;

import io.multibot.common.command.LaunchSpec;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.ProcessState;
import io.multibot.gateway.bot.BotEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One managed bot's supervision state and its transitions. Not thread-safe by itself: the {@link
 * Supervisor} calls it only while holding the instance's monitor.
 */
final class ManagedBot {

  private final String botId;
  private LaunchSpec spec;
  private RestartPolicy policy = RestartPolicy.ON_FAILURE;
  private ProcessState state = ProcessState.STOPPED;
  private Instant since = Instant.EPOCH;
  private Process process;
  private BotWorkspace.Launch launch;
  private Instant launchedAt = Instant.EPOCH;
  private int restarts;
  private Integer lastExitCode;
  private List<String> lastLogLines = List.of();
  private ScheduledFuture<?> pendingRestart;

  /** What to do after a process ended on its own. */
  record ExitDecision(ProcessEvent.Kind kind, String detail, Duration restartAfter) {}

  ManagedBot(String botId) {
    this.botId = botId;
  }

  String botId() {
    return botId;
  }

  LaunchSpec spec() {
    return spec;
  }

  ProcessState state() {
    return state;
  }

  Process process() {
    return process;
  }

  BotWorkspace.Launch launch() {
    return launch;
  }

  List<String> lastLogLines() {
    return lastLogLines;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  boolean is(ProcessState expected) {
    return state == expected;
  }

  /** The endpoint while its process runs and answers. */
  BotEndpoint endpointIfRunning() {
    return alive() && state == ProcessState.RUNNING ? launch.endpoint() : null;
  }

  void moveTo(ProcessState next, Instant now) {
    state = next;
    since = now;
  }

  /** A start asked for from outside: the new spec and policy, the restart count from zero. */
  void startAnew(LaunchSpec next) {
    cancelPendingRestart();
    spec = next;
    policy = RestartPolicy.fromWire(next.restartPolicy()).orElse(RestartPolicy.ON_FAILURE);
    restarts = 0;
  }

  void launched(BotWorkspace.Launch next, Process started, Instant now) {
    launch = next;
    process = started;
    launchedAt = now;
    moveTo(ProcessState.STARTING, now);
  }

  /** Forgets the process that ended; returns whether it was this bot's current one. */
  boolean ended(Process ended) {
    if (process != ended) {
      return false;
    }
    process = null;
    return true;
  }

  /**
   * Applies the restart policy to an exit the gateway did not ask for: a run long enough to be
   * stable resets the count; too many restarts in a row end in CRASHED.
   */
  ExitDecision exitedOnItsOwn(
      int code, List<String> logLines, RuntimeSettings settings, Instant now) {
    lastExitCode = code;
    lastLogLines = List.copyOf(logLines);
    if (Duration.between(launchedAt, now).compareTo(settings.stableAfter()) >= 0) {
      restarts = 0;
    }
    if (!policy.restartsAfter(code)) {
      moveTo(ProcessState.STOPPED, now);
      return new ExitDecision(
          ProcessEvent.Kind.EXITED, "not restarted (policy " + policy.wireName() + ")", null);
    }
    if (restarts >= settings.maxRestarts()) {
      moveTo(ProcessState.CRASHED, now);
      return new ExitDecision(
          ProcessEvent.Kind.CRASHED,
          "exited " + (restarts + 1) + " times in a row; not restarted again",
          null);
    }
    restarts++;
    Duration wait = settings.backoffBefore(restarts);
    moveTo(ProcessState.BACKOFF, now);
    return new ExitDecision(ProcessEvent.Kind.EXITED, "restart " + restarts + " in " + wait, wait);
  }

  void restartLater(ScheduledFuture<?> restart) {
    pendingRestart = restart;
  }

  void cancelPendingRestart() {
    if (pendingRestart != null) {
      pendingRestart.cancel(false);
      pendingRestart = null;
    }
  }

  ManagedStatus status() {
    return new ManagedStatus(
        botId, state, alive() ? process.pid() : -1, since, restarts, lastExitCode, lastLogLines);
  }
}
