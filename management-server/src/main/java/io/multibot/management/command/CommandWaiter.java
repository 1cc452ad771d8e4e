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

/**
 * Waits, without holding a request thread or a transaction, for a command to finish: checks it
 * every 100 ms until it has finished or the wait is over, then completes with its latest state.
 */
@ApplicationScoped
public class CommandWaiter {

  private static final long CHECK_MILLIS = 100;

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
              CommandView current = service.get(command.id());
              if (current.finishedAt() != null || System.nanoTime() >= deadline) {
                outcome.complete(current);
                task.get().cancel(false);
              }
            },
            CHECK_MILLIS,
            CHECK_MILLIS,
            TimeUnit.MILLISECONDS));
    return outcome;
  }
}
