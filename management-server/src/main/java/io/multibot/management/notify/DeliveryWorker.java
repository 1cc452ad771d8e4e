package io.multibot.management.notify;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what is due, every {@code notifications.poll-interval} and at once when an alert was
 * queued: one round at a time on this replica, each delivery leased first (so replicas share the
 * queue without sending a message twice at once). A disabled channel's messages fail with that
 * reason; a channel over its rate per minute has its messages wait their turn.
 */
@ApplicationScoped
public class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
  private static final int ROUND = 50;

  @Resource private ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final DeliveryService deliveries;
  private final ChannelSenders senders;
  private final Duration interval;
  private ScheduledFuture<?> task;

  @Inject
  public DeliveryWorker(
      DeliveryService deliveries,
      ChannelSenders senders,
      @ConfigProperty(name = "notifications.poll-interval", defaultValue = "PT2S")
          Duration interval) {
    this.deliveries = deliveries;
    this.senders = senders;
    this.interval = interval;
  }

  /** For CDI's proxy only. */
  protected DeliveryWorker() {
    this(null, null, Duration.ofSeconds(2));
  }

  void start(@Observes Startup event) {
    long every = interval.toMillis();
    task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
  }

  /** Asks for a round now (after a commit that queued messages). */
  void wake() {
    if (scheduler != null) {
      again.set(true);
      scheduler.execute(this::run);
    }
  }

  private void run() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        round();
      } while (again.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notifications: a delivery round failed", e);
    } finally {
      running.set(false);
    }
  }

  private void round() {
    List<String> due = deliveries.due(ROUND);
    for (String id : due) {
      Optional<DeliveryService.Attempt> taken = deliveries.take(id);
      if (taken.isEmpty()) {
        continue;
      }
      DeliveryService.Attempt attempt = taken.get();
      Optional<ChannelConfig> channel = attempt.channel();
      if (channel.isPresent() && !channel.get().enabled()) {
        deliveries.record(id, SendOutcome.refused("the channel is disabled"), false);
      } else if (channel.isPresent() && !deliveries.withinRate(channel.get())) {
        deliveries.postpone(id, Duration.ofMillis(60_000L / channel.get().ratePerMinute()));
      } else {
        deliveries.record(id, senders.send(attempt), false);
      }
    }
    if (due.size() == ROUND) {
      again.set(true);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
