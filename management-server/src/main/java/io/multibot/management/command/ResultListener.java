package io.multibot.management.command;

import io.multibot.common.command.ResultMessage;
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
 * Records what the gateways report, from the results stream in the management consumer group
 * (shared by all management replicas). A report is acknowledged only after it is stored, and never
 * dropped: a database outage must not lose a command's outcome. Unsigned reports are dropped.
 */
@ApplicationScoped
public class ResultListener {

  @Resource private ManagedThreadFactory threads;

  private final Streams streams;
  private final CommandService service;
  private Optional<GroupListener> listener = Optional.empty();

  @Inject
  public ResultListener(Streams streams, CommandService service) {
    this.streams = streams;
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected ResultListener() {
    this(null, null);
  }

  void start(@Observes Startup event) {
    listener =
        streams.listen(
            threads,
            streams.names().results(),
            fields -> ResultMessage.fromFields(fields).ifPresent(service::apply),
            Integer.MAX_VALUE);
  }

  @PreDestroy
  void stop() {
    listener.ifPresent(GroupListener::close);
  }
}
