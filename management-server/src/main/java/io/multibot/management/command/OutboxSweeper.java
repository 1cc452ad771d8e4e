package io.multibot.management.command;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds: heals what Redis lost (in-flight commands published again, in order, marked
 * recovered), re-sends bots' commands still ACCEPTED (Redis was down, or the server stopped between
 * commit and publish), marks EXPIRED those that no gateway started before their expiry, and UNKNOWN
 * those RUNNING far longer than any bot call takes.
 *
 * <p>Each command and each bot is handled in its own transaction, and a failure is logged once with
 * its id and skipped: one bad row never stops the round or the rounds after it.
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
  private final RedisRecovery recovery;
  private final Duration interval;
  private final Duration runningLimit;
  private ScheduledFuture<?> task;

  @Inject
  public OutboxSweeper(
      CommandService service,
      CommandPublisher publisher,
      RedisRecovery recovery,
      @ConfigProperty(name = "commands.outbox.interval", defaultValue = "PT5S") Duration interval,
      @ConfigProperty(name = "commands.running-limit", defaultValue = "PT15M")
          Duration runningLimit) {
    this.service = service;
    this.publisher = publisher;
    this.recovery = recovery;
    this.interval = interval;
    this.runningLimit = runningLimit;
  }

  /** For CDI's proxy only. */
  protected OutboxSweeper() {
    this(null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(15));
  }

  void start(@Observes Startup event) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sweep() {
    heal();
    int sent = 0;
    for (String botId :
        listed("unpublished commands", () -> service.botsWithUnpublished(UNPUBLISHED_AFTER))) {
      sent += count("publish the commands of bot", botId, publisher::publishBacklog);
    }
    int expired =
        each(
            "expire command",
            listed("stale commands", () -> service.stale(EXPIRY_GRACE)),
            service::expire);
    int unknown =
        each(
            "give up on command",
            listed("overdue commands", () -> service.overdue(runningLimit)),
            id -> service.giveUp(id, runningLimit));
    if (sent + expired + unknown > 0) {
      LOG.log(
          Level.INFO,
          "outbox: re-sent {0} command(s), expired {1}, outcome unknown {2}",
          new Object[] {sent, expired, unknown});
    }
  }

  /** Redis lost data: everything that was in flight is published again, in order. */
  private void heal() {
    List<String> bots;
    try {
      bots = recovery.healIfLost();
    } catch (RuntimeException e) {
      return;
    }
    int sent = 0;
    for (String botId : bots) {
      sent += count("publish the recovered commands of bot", botId, publisher::publishBacklog);
    }
    if (!bots.isEmpty()) {
      LOG.log(Level.INFO, "outbox: {0} recovered command(s) published again", sent);
    }
  }

  private List<String> listed(String what, java.util.function.Supplier<List<String>> query) {
    try {
      return query.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox: cannot read the {0}: {1}", new Object[] {what, e.toString()});
      return List.of();
    }
  }

  private static int each(String what, List<String> ids, Predicate<String> action) {
    int done = 0;
    for (String id : ids) {
      done += count(what, id, i -> action.test(i) ? 1 : 0);
    }
    return done;
  }

  private static int count(
      String what, String id, java.util.function.ToIntFunction<String> action) {
    try {
      return action.applyAsInt(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox: cannot {0} {1}: {2}", new Object[] {what, id, e.toString()});
      return 0;
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
