package io.multibot.common.stream;

import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;

/**
 * A {@link GroupWorker} on a thread of its own, with the Redis client it reads with, that only
 * hands on signed entries (unsigned ones are dropped and logged). Closing it stops the thread after
 * its current read and closes the client.
 */
public final class GroupListener implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GroupListener.class.getName());

  private final RedisClient redis;
  private final Thread thread;
  private volatile boolean running = true;

  private GroupListener(ThreadFactory threads, String name, RedisClient redis, GroupWorker worker) {
    this.redis = redis;
    this.thread = threads.newThread(() -> worker.run(() -> running));
    this.thread.setName(name);
  }

  /** Starts {@code worker}, which reads with {@code redis} (a client of its own: it blocks). */
  public static GroupListener start(
      ThreadFactory threads, String name, RedisClient redis, GroupWorker worker) {
    GroupListener listener = new GroupListener(threads, name, redis, worker);
    listener.thread.start();
    return listener;
  }

  /** A handler of stream entries that passes on the fields of those signed with this key. */
  public static Consumer<redis.clients.jedis.resps.StreamEntry> signed(
      StreamSecurity security, Consumer<Map<String, String>> handler) {
    return entry -> {
      Map<String, String> fields = entry.getFields();
      if (fields != null && security.verify(fields)) {
        handler.accept(fields);
      } else {
        LOG.warning(() -> "dropped an unsigned entry " + entry.getID());
      }
    };
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    redis.close();
  }
}
