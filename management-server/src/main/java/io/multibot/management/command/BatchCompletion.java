package io.multibot.management.command;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code batches.completion-interval} (2 s): notices the batches whose last command has
 * reached an outcome ({@link BatchFinisher}), looking back {@code batches.completion-horizon} (2
 * days: a batch whose commands expire later than that is not told about).
 */
@ApplicationScoped
public class BatchCompletion {

  private static final Logger LOG = Logger.getLogger(BatchCompletion.class.getName());
  private static final int ROUND = 500;

  @Resource private ManagedScheduledExecutorService scheduler;

  private final BatchFinisher finisher;
  private final Clock clock;
  private final Duration interval;
  private final Duration horizon;
  private ScheduledFuture<?> task;

  @Inject
  public BatchCompletion(
      BatchFinisher finisher,
      Clock clock,
      @ConfigProperty(name = "batches.completion-interval", defaultValue = "PT2S")
          Duration interval,
      @ConfigProperty(name = "batches.completion-horizon", defaultValue = "P2D") Duration horizon) {
    this.finisher = finisher;
    this.clock = clock;
    this.interval = interval;
    this.horizon = horizon;
  }

  /** For CDI's proxy only. */
  protected BatchCompletion() {
    this(null, null, Duration.ofSeconds(2), Duration.ofDays(2));
  }

  void start(@Observes Startup event) {
    long every = interval.toMillis();
    task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
  }

  void run() {
    try {
      for (String batch : finisher.unfinished(clock.instant().minus(horizon), ROUND)) {
        finisher.finishIfDone(batch);
      }
    } catch (PersistenceException e) {
      LOG.log(Level.FINE, "batch completion round skipped: the database did not answer", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch completion round failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
