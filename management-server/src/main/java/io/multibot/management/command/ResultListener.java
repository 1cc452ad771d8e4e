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
 * <p>Each round's reports are stored in one transaction; if that fails they are stored one by one,
 * so a report that cannot be stored holds back only itself.
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
        streams.listenInBatches(
            threads,
            streams.names().results(),
            this::recordAll,
            fields -> ResultMessage.fromFields(fields).ifPresent(this::record),
            Integer.MAX_VALUE);
    finished = streams.hear(threads, timer, FINISHED, waiter::finished);
  }

  /**
   * A round's reports in one transaction ({@link CommandService#applyAll}): a thousand outcomes of
   * a kill switch are a few dozen commits, not two thousand. The waiters hear only after the
   * commit.
   */
  private void recordAll(java.util.List<java.util.Map<String, String>> batch) {
    java.util.List<ResultMessage> results =
        batch.stream().map(ResultMessage::fromFields).flatMap(Optional::stream).toList();
    service.applyAll(results).forEach(this::finished);
  }

  private void record(ResultMessage result) {
    if (service.apply(result) && result.status().terminal()) {
      finished(result.commandId());
    }
  }

  /** Wakes the waiters of a command whose outcome is committed: here, and on the other replicas. */
  private void finished(String commandId) {
    waiter.finished(commandId);
    streams.broadcast(FINISHED, commandId);
  }

  @PreDestroy
  void stop() {
    listener.ifPresent(GroupListener::close);
    finished.ifPresent(Broadcast::close);
  }
}
