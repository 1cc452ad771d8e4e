package io.multibot.management.command;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Waits, without holding a request thread or a transaction, for a command to finish ({@code
 * ?wait=}). The wait is woken by {@link #finished}, which the result listener calls once an outcome
 * is stored (here, or on another management replica through a Redis broadcast), so the answer
 * leaves within milliseconds of the outcome; a check every {@link #FALLBACK} covers outcomes that
 * arrive any other way (expiry, a broadcast lost while Redis reconnected). The wait ends with the
 * command as stored when it has finished or the time is up.
 *
 * <p>Invariant: no wake-up is lost. A wait registers before its first look at the database, and an
 * outcome is signalled only after it is committed, so either the first look sees the outcome or the
 * signal finds the wait registered ({@code CommandWaiterTest}). A look that fails ends the wait
 * with the command as it was accepted: an exception must never leave a request waiting forever.
 *
 * <p>Invariant: a finished wait leaves nothing behind. Its two timers (the fallback looks and the
 * deadline) live on this bean's own scheduler, which drops a cancelled timer at once; the looks
 * themselves run on the container's executor (they use JPA). Scheduled on Liberty's managed
 * scheduled executor, every waited command left its cancelled timers, and with them the command's
 * view, in the heap (about 4,400 of each after a 1,000-bot benchmark). {@code
 * CommandWaiterTest.aFinishedWaitLeavesNoTimerBehind} catches a breach.
 */
@ApplicationScoped
public class CommandWaiter {

  static final Duration FALLBACK = Duration.ofSeconds(1);
  private static final Logger LOG = Logger.getLogger(CommandWaiter.class.getName());

  @Resource private ManagedScheduledExecutorService managed;

  private final Function<String, Optional<CommandView>> current;
  private final Duration fallback;
  private final Map<String, Set<Runnable>> waiting = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor ticks = ticks();
  private ScheduledExecutorService timer;

  @Inject
  public CommandWaiter(CommandService service) {
    this(service == null ? null : service::find, null, FALLBACK);
  }

  CommandWaiter(
      Function<String, Optional<CommandView>> current,
      ScheduledExecutorService timer,
      Duration fallback) {
    this.current = current;
    this.timer = timer;
    this.fallback = fallback;
  }

  /** For CDI's proxy only. */
  protected CommandWaiter() {
    this(null);
  }

  @PostConstruct
  void useManagedTimer() {
    timer = managed;
  }

  @PreDestroy
  void stopTicks() {
    ticks.shutdownNow();
  }

  /** One daemon thread that only hands due looks to the executor; cancelled timers go at once. */
  private static ScheduledThreadPoolExecutor ticks() {
    ScheduledThreadPoolExecutor ticks =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "multibot-command-waiter");
              thread.setDaemon(true);
              return thread;
            });
    ticks.setRemoveOnCancelPolicy(true);
    return ticks;
  }

  /** Timers waiting now (for tests). */
  int timers() {
    return ticks.getQueue().size();
  }

  public CompletionStage<CommandView> await(CommandView command, Duration wait) {
    CompletableFuture<CommandView> outcome = new CompletableFuture<>();
    if (wait.isZero() || command.finishedAt() != null) {
      outcome.complete(command);
      return outcome;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    Runnable look = () -> look(command, deadline, outcome);
    register(command.id(), look);
    long every = fallback.toMillis();
    Runnable due = () -> timer.execute(look);
    // The first look goes straight to the executor: a periodic timer cancelled while it runs is put
    // back in the queue once more (until its next turn), so the fallback timer must not be running
    // when a quick outcome cancels it (CommandWaiterTest.aFinishedWaitLeavesNoTimerBehind).
    timer.execute(look);
    ScheduledFuture<?> looks =
        ticks.scheduleWithFixedDelay(due, every, every, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> end = ticks.schedule(due, wait.toMillis(), TimeUnit.MILLISECONDS);
    // The caller sees the answer only after the wait is unregistered (the stage returned is the
    // one that completes after this clean-up, not the outcome itself).
    return outcome.whenComplete(
        (done, failure) -> {
          looks.cancel(false);
          end.cancel(false);
          unregister(command.id(), look);
        });
  }

  /** Wakes the waits for a command whose outcome has just been stored. */
  public void finished(String commandId) {
    Set<Runnable> woken = waiting.remove(commandId);
    if (woken != null) {
      woken.forEach(timer::execute);
    }
  }

  /** How many commands are waited for now (for tests and metrics). */
  int waitedFor() {
    return waiting.size();
  }

  private void look(CommandView accepted, long deadline, CompletableFuture<CommandView> outcome) {
    if (outcome.isDone()) {
      return;
    }
    try {
      // Not found yet: the request's own transaction (the audit's) has not committed it.
      CommandView now = current.apply(accepted.id()).orElse(accepted);
      // Timers fire at the deadline, not after it; a millisecond early counts as there.
      if (now.finishedAt() != null || System.nanoTime() >= deadline - 1_000_000) {
        outcome.complete(now);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a look at a waited-for command failed", e);
      outcome.complete(accepted);
    }
  }

  private void register(String commandId, Runnable look) {
    waiting.compute(
        commandId,
        (id, looks) -> {
          Set<Runnable> all = looks == null ? ConcurrentHashMap.newKeySet() : looks;
          all.add(look);
          return all;
        });
  }

  private void unregister(String commandId, Runnable look) {
    waiting.computeIfPresent(
        commandId,
        (id, looks) -> {
          looks.remove(look);
          return looks.isEmpty() ? null : looks;
        });
  }
}
