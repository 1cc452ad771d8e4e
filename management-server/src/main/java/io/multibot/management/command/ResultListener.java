package io.multibot.management.command;

import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.Broadcast;
import io.multibot.common.stream.GroupListener;
import io.multibot.management.platform.redis.Streams;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Records what the gateways report, from the results stream in the management consumer group
 * (shared by all management replicas). A report is acknowledged only after it is stored, and never
 * dropped: a database outage must not lose a command's outcome. Unsigned reports are dropped.
 *
 * <p>Once an outcome is stored (committed), the requests waiting for it ({@code ?wait=}) are woken:
 * those on this replica at once, those on the others through the {@value #FINISHED} broadcast,
 * which every replica hears.
 */
@ApplicationScoped
public class ResultListener {

  static final String FINISHED = "command-finished";

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedScheduledExecutorService timer;

  private final Streams streams;
  private final CommandService service;
  private final CommandWaiter waiter;
  private Optional<GroupListener> listener = Optional.empty();
  private Optional<Broadcast> finished = Optional.empty();

  @Inject
  public ResultListener(Streams streams, CommandService service, CommandWaiter waiter) {
    this.streams = streams;
    this.service = service;
    this.waiter = waiter;
  }

  /** For CDI's proxy only. */
  protected ResultListener() {
    this(null, null, null);
  }

  void start(@Observes Startup event) {
    listener =
        streams.listen(
            threads,
            streams.names().results(),
            fields -> ResultMessage.fromFields(fields).ifPresent(this::record),
            Integer.MAX_VALUE);
    finished = streams.hear(threads, timer, FINISHED, waiter::finished);
  }

  private void record(ResultMessage result) {
    if (service.apply(result) && result.status().terminal()) {
      waiter.finished(result.commandId());
      streams.broadcast(FINISHED, result.commandId());
    }
  }

  @PreDestroy
  void stop() {
    listener.ifPresent(GroupListener::close);
    finished.ifPresent(Broadcast::close);
  }
}
