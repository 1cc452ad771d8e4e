package io.multibot.management.platform.redis;

import io.multibot.common.redis.Broadcast;
import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.GroupListener;
import io.multibot.common.stream.GroupWorker;
import io.multibot.common.stream.StreamGroup;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The command streams as management sees them: their names (prefix and partition count, the same as
 * the gateways') and the server's Redis client.
 */
@ApplicationScoped
public class Streams {

  private static final Duration BLOCK = Duration.ofSeconds(2);
  private static final Duration RECLAIM_IDLE = Duration.ofMinutes(1);
  private static final int BATCH = 50;
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(Streams.class.getName());

  private final RedisConnection redis;
  private final StreamNames names;
  private final StreamKeys keys;
  private final String consumer = "management-" + UUID.randomUUID().toString().substring(0, 8);

  @Inject
  public Streams(
      RedisConnection redis,
      StreamKeys keys,
      @ConfigProperty(name = "multibot.stream.prefix", defaultValue = "multibot") String prefix,
      @ConfigProperty(name = "commands.partitions", defaultValue = "16") int partitions) {
    this.redis = redis;
    this.keys = keys;
    this.names = new StreamNames(prefix, partitions);
  }

  /** For CDI's proxy only. */
  protected Streams() {
    this.redis = null;
    this.names = null;
    this.keys = null;
  }

  public StreamNames names() {
    return names;
  }

  public RedisClient redis() {
    return redis.client();
  }

  /**
   * Consumes a stream in the management consumer group (shared by all replicas) on a thread of its
   * own: each signed entry's fields go to {@code handler} and are acknowledged once it returns;
   * entries left pending by a replica that died are reclaimed after a minute; an entry whose
   * handler fails {@code maxFailures} times is dropped. Empty (and logged) without a stream key or
   * a usable Redis URL.
   */
  public Optional<GroupListener> listen(
      ThreadFactory threads,
      String stream,
      Consumer<Map<String, String>> handler,
      int maxFailures) {
    return consume(
        threads,
        stream,
        (group, security) ->
            GroupWorker.oneByOne(
                GroupWorker.acking(
                    group, stream, GroupListener.signed(security, handler), maxFailures)));
  }

  /**
   * Like {@link #listen}, but each round's signed entries go to {@code batch} together (one
   * transaction) and are acknowledged together; when a batch fails they go one by one to {@code
   * handler}, with {@link #listen}'s guarantees. Unsigned entries are dropped (logged) either way.
   */
  public Optional<GroupListener> listenInBatches(
      ThreadFactory threads,
      String stream,
      Consumer<List<Map<String, String>>> batch,
      Consumer<Map<String, String>> handler,
      int maxFailures) {
    return consume(
        threads,
        stream,
        (group, security) ->
            GroupWorker.ackingBatches(
                group,
                stream,
                entries -> batch.accept(signed(stream, security, entries)),
                GroupWorker.acking(
                    group, stream, GroupListener.signed(security, handler), maxFailures)));
  }

  /**
   * A worker of the management group on {@code stream}, on a thread and Redis client of its own,
   * handling entries as {@code handler} says; empty (and logged) without a stream key or a usable
   * Redis URL.
   */
  private Optional<GroupListener> consume(
      ThreadFactory threads,
      String stream,
      BiFunction<StreamGroup, StreamSecurity, GroupWorker.BatchHandler> handler) {
    if (keys.security().isEmpty() || redis.configurationError().isPresent()) {
      LOG.warning(() -> "multibot: " + stream + " is not consumed (no stream key or Redis URL)");
      return Optional.empty();
    }
    RedisClient reader = redis.newClient(BLOCK.plusSeconds(3), 2);
    StreamGroup group = new StreamGroup(reader, StreamNames.MANAGEMENT_GROUP, consumer);
    GroupWorker worker =
        new GroupWorker(
            group,
            stream,
            new GroupWorker.Settings(BLOCK, RECLAIM_IDLE, BATCH, false),
            handler.apply(group, keys.security().get()),
            GroupWorker.Housekeeping.NONE);
    return Optional.of(GroupListener.start(threads, "multibot-" + stream, reader, worker));
  }

  private static List<Map<String, String>> signed(
      String stream, StreamSecurity security, List<StreamEntry> entries) {
    List<Map<String, String>> signed =
        entries.stream()
            .map(StreamEntry::getFields)
            .filter(fields -> fields != null && security.verify(fields))
            .toList();
    if (signed.size() < entries.size()) {
      LOG.warning(
          () -> stream + ": dropped " + (entries.size() - signed.size()) + " unsigned entries");
    }
    return signed;
  }

  /**
   * Hears the broadcasts on {@code topic} (a pub/sub channel under the stream prefix) from every
   * management replica, this one included. Broadcasts are hints that may be lost; see {@link
   * Broadcast}. Empty without a usable Redis URL.
   */
  public Optional<Broadcast> hear(
      ThreadFactory threads,
      ScheduledExecutorService timer,
      String topic,
      Consumer<String> handler) {
    if (redis.configurationError().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        Broadcast.listen(threads, timer, redis, channel(topic), handler, KEEP_ALIVE));
  }

  /** Tells every management replica listening to {@code topic} now; a failure is only logged. */
  public void broadcast(String topic, String message) {
    if (redis.configurationError().isEmpty()) {
      Broadcast.publish(redis, channel(topic), message);
    }
  }

  private String channel(String topic) {
    return names.prefix() + ":broadcast:" + topic;
  }
}
