package io.multibot.management.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Waits, without holding a request thread or a transaction, for a command to finish: checks it
 * every 100 ms until it has finished or the wait is over, then completes with its latest state. A
 * check that fails completes the wait with the command as it was accepted: an exception must not
 * cancel the repeating check and leave the request waiting forever.
 */
@ApplicationScoped
public class CommandWaiter {

  private static final long CHECK_MILLIS = 100;
  private static final Logger LOG = Logger.getLogger(CommandWaiter.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final CommandService service;

  @Inject
  public CommandWaiter(CommandService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected CommandWaiter() {
    this(null);
  }

  public CompletionStage<CommandView> await(CommandView command, Duration wait) {
    CompletableFuture<CommandView> outcome = new CompletableFuture<>();
    if (wait.isZero() || command.finishedAt() != null) {
      outcome.complete(command);
      return outcome;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    task.set(
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                CommandView current = service.get(command.id());
                if (current.finishedAt() != null || System.nanoTime() >= deadline) {
                  outcome.complete(current);
                }
              } catch (RuntimeException e) {
                // The database hiccuped: the client gets the command as accepted, never a hang.
                LOG.log(Level.WARNING, "a check of a waited-for command failed", e);
                outcome.complete(command);
              }
              if (outcome.isDone()) {
                task.get().cancel(false);
              }
            },
            CHECK_MILLIS,
            CHECK_MILLIS,
            TimeUnit.MILLISECONDS));
    return outcome;
  }
}
