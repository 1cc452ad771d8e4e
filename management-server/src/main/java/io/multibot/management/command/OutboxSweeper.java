package io.multibot.management.command;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds: re-sends commands still ACCEPTED (Redis was down, or the server stopped
 * between commit and publish), and marks EXPIRED those that no gateway started before their expiry.
 */
@ApplicationScoped
public class OutboxSweeper {

  private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());

  /** A published command is ACCEPTED only for the instant between commit and publish. */
  private static final Duration UNPUBLISHED_AFTER = Duration.ofSeconds(2);

  /** Allows for clocks that differ between servers before calling a command expired. */
  private static final Duration EXPIRY_GRACE = Duration.ofSeconds(30);

  @Resource private ManagedScheduledExecutorService scheduler;

  private final CommandService service;
  private final CommandPublisher publisher;
  private final Duration interval;
  private ScheduledFuture<?> task;

  @Inject
  public OutboxSweeper(
      CommandService service,
      CommandPublisher publisher,
      @ConfigProperty(name = "commands.outbox.interval", defaultValue = "PT5S") Duration interval) {
    this.service = service;
    this.publisher = publisher;
    this.interval = interval;
  }

  /** For CDI's proxy only. */
  protected OutboxSweeper() {
    this(null, null, Duration.ofSeconds(5));
  }

  void start(@Observes Startup event) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sweep() {
    try {
      int sent = 0;
      for (String id : service.unpublished(UNPUBLISHED_AFTER)) {
        sent += publisher.publish(id) ? 1 : 0;
      }
      int expired = service.expireStale(EXPIRY_GRACE);
      if (sent + expired > 0) {
        LOG.log(
            Level.INFO,
            "outbox: re-sent {0} command(s), expired {1}",
            new Object[] {sent, expired});
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox sweep failed; next try in " + interval, e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
