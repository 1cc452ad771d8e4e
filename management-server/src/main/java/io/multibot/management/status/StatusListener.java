package io.multibot.management.status;

import io.multibot.common.status.StatusMessage;
import io.multibot.common.stream.GroupConsumer;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.management.command.CommandStreams;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Applies the status stream (consumer group {@code management}, shared by all replicas). Unsigned
 * entries are dropped; a report is acknowledged once stored.
 */
@ApplicationScoped
public class StatusListener {

  private static final Logger LOG = Logger.getLogger(StatusListener.class.getName());
  private static final Duration BLOCK = Duration.ofSeconds(2);

  @Resource private ManagedThreadFactory threads;

  private final CommandStreams streams;
  private final StatusService service;
  private final StreamKeys keys;
  private final String consumer = "management-" + UUID.randomUUID().toString().substring(0, 8);
  private volatile boolean running;
  private Thread thread;
  private RedisClient redis;

  @Inject
  public StatusListener(CommandStreams streams, StatusService service, StreamKeys keys) {
    this.streams = streams;
    this.service = service;
    this.keys = keys;
  }

  /** For CDI's proxy only. */
  protected StatusListener() {
    this(null, null, null);
  }

  void start(@Observes Startup event) {
    if (keys.security().isEmpty() || streams.connection().configurationError().isPresent()) {
      LOG.warning("multibot: bot statuses are not consumed (no stream key or Redis URL)");
      return;
    }
    redis = streams.blockingClient(BLOCK.plusSeconds(3));
    StreamSecurity security = keys.security().get();
    GroupConsumer consumer =
        new GroupConsumer(
            redis,
            new GroupConsumer.Membership(
                streams.names().status(), StreamNames.MANAGEMENT_GROUP, this.consumer),
            BLOCK,
            Duration.ofMinutes(1),
            entry -> apply(entry, security),
            5);
    running = true;
    thread = threads.newThread(() -> consumer.run(() -> running));
    thread.setName("multibot-status");
    thread.start();
  }

  private void apply(StreamEntry entry, StreamSecurity security) {
    Map<String, String> fields = entry.getFields();
    if (fields != null && security.verify(fields)) {
      StatusMessage.fromFields(fields).ifPresent(service::apply);
    } else {
      LOG.warning(() -> "status: dropped an unsigned report " + entry.getID());
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (thread != null) {
      try {
        thread.join(BLOCK.toMillis() + 3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }
}
