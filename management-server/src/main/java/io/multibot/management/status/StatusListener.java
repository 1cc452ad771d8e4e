package io.multibot.management.status;

import io.multibot.common.status.StatusMessage;
import io.multibot.common.stream.GroupListener;
import io.multibot.management.platform.redis.Streams;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Applies the status stream (consumer group {@code management}, shared by all replicas). Unsigned
 * entries are dropped; a report is acknowledged once stored; one that fails five times is dropped
 * (the next poll says the same, newer), so it cannot block the stream. Each stored report fires
 * {@link StatusRecorded}.
 */
@ApplicationScoped
public class StatusListener {

  private static final int MAX_FAILURES = 5;

  @Resource private ManagedThreadFactory threads;

  private final Streams streams;
  private final StatusService service;
  private final Event<StatusRecorded> recorded;
  private Optional<GroupListener> listener = Optional.empty();

  @Inject
  public StatusListener(Streams streams, StatusService service, Event<StatusRecorded> recorded) {
    this.streams = streams;
    this.service = service;
    this.recorded = recorded;
  }

  /** For CDI's proxy only. */
  protected StatusListener() {
    this(null, null, null);
  }

  void start(@Observes Startup event) {
    listener =
        streams.listen(
            threads,
            streams.names().status(),
            fields -> StatusMessage.fromFields(fields).ifPresent(this::apply),
            MAX_FAILURES);
  }

  /** Stores the report, then tells the observers of {@link StatusRecorded} (committed by then). */
  private void apply(StatusMessage message) {
    service.apply(message);
    recorded.fire(new StatusRecorded(message.botId()));
  }

  @PreDestroy
  void stop() {
    listener.ifPresent(GroupListener::close);
  }
}
