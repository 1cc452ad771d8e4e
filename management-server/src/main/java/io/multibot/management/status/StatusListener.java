package io.multibot.management.status;

import io.multibot.common.status.StatusMessage;
import io.multibot.common.stream.GroupListener;
import io.multibot.management.platform.redis.Streams;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Applies the status stream (consumer group {@code management}, shared by all replicas). Unsigned
 * entries are dropped; a report is acknowledged once stored; one that fails five times is dropped
 * (the next poll says the same, newer), so it cannot block the stream.
 */
@ApplicationScoped
public class StatusListener {

  private static final int MAX_FAILURES = 5;

  @Resource private ManagedThreadFactory threads;

  private final Streams streams;
  private final StatusService service;
  private Optional<GroupListener> listener = Optional.empty();

  @Inject
  public StatusListener(Streams streams, StatusService service) {
    this.streams = streams;
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected StatusListener() {
    this(null, null);
  }

  void start(@Observes Startup event) {
    listener =
        streams.listen(
            threads,
            streams.names().status(),
            fields -> StatusMessage.fromFields(fields).ifPresent(service::apply),
            MAX_FAILURES);
  }

  @PreDestroy
  void stop() {
    listener.ifPresent(GroupListener::close);
  }
}
