package io.multibot.management.command;

import io.multibot.common.command.ResultMessage;
import io.multibot.common.stream.GroupConsumer;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
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
 * Records what the gateways report, from the results stream in the management consumer group
 * (shared by all management replicas). A report is acknowledged only after it is stored; reports
 * left pending by a replica that died are reclaimed after a minute. Unsigned reports are dropped.
 */
@ApplicationScoped
public class ResultListener {

  private static final Logger LOG = Logger.getLogger(ResultListener.class.getName());
  private static final Duration BLOCK = Duration.ofSeconds(2);
  private static final Duration RECLAIM_IDLE = Duration.ofMinutes(1);

  @Resource private ManagedThreadFactory threads;

  private final CommandStreams streams;
  private final CommandService service;
  private final StreamKeys keys;
  private final String consumer = "management-" + UUID.randomUUID().toString().substring(0, 8);
  private volatile boolean running;
  private Thread thread;
  private RedisClient redis;

  @Inject
  public ResultListener(CommandStreams streams, CommandService service, StreamKeys keys) {
    this.streams = streams;
    this.service = service;
    this.keys = keys;
  }

  /** For CDI's proxy only. */
  protected ResultListener() {
    this(null, null, null);
  }

  void start(@Observes Startup event) {
    if (keys.security().isEmpty() || streams.connection().configurationError().isPresent()) {
      LOG.warning("multibot: results are not consumed (no stream key or Redis URL)");
      return;
    }
    redis = streams.blockingClient(BLOCK.plusSeconds(3));
    running = true;
    thread = threads.newThread(this::listen);
    thread.setName("multibot-results");
    thread.start();
  }

  private void listen() {
    StreamSecurity security = keys.security().orElseThrow();
    String stream = streams.names().results();
    new GroupConsumer(
            redis,
            new GroupConsumer.Membership(stream, StreamNames.MANAGEMENT_GROUP, consumer),
            BLOCK,
            RECLAIM_IDLE,
            entry -> apply(entry, security),
            // never dropped: a database outage must not lose a command's outcome
            Integer.MAX_VALUE)
        .run(() -> running && !Thread.currentThread().isInterrupted());
  }

  private void apply(StreamEntry entry, StreamSecurity security) {
    Map<String, String> fields = entry.getFields();
    if (fields != null && security.verify(fields)) {
      ResultMessage.fromFields(fields).ifPresent(service::apply);
    } else {
      LOG.warning(() -> "results: dropped an unsigned report " + entry.getID());
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
