package io.multibot.common.stream;

import io.multibot.common.concurrent.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A consumer in a consumer group that handles each entry and then acknowledges it: its own pending
 * entries first (after a restart), then entries another consumer left pending longer than {@code
 * reclaimIdle} (it died), then new ones. An entry whose handler throws stays pending and comes
 * back. Redis outages are waited out.
 */
public final class GroupConsumer {

  private static final Logger LOG = Logger.getLogger(GroupConsumer.class.getName());

  private final RedisClient redis;
  private final String stream;
  private final String group;
  private final String consumer;
  private final Duration block;
  private final Duration reclaimIdle;
  private final Consumer<StreamEntry> handler;
  private final int maxFailures;
  private final Map<StreamEntryID, Integer> failures = new java.util.HashMap<>();

  /** Which stream, which group, and this consumer's name in it. */
  public record Membership(String stream, String group, String consumer) {}

  public GroupConsumer(
      RedisClient redis,
      Membership membership,
      Duration block,
      Duration reclaimIdle,
      Consumer<StreamEntry> handler,
      int maxFailures) {
    this.redis = redis;
    this.stream = membership.stream();
    this.group = membership.group();
    this.consumer = membership.consumer();
    this.block = block;
    this.reclaimIdle = reclaimIdle;
    this.handler = handler;
    this.maxFailures = maxFailures;
  }

  /** Reads and handles entries while {@code running} says so. */
  public void run(BooleanSupplier running) {
    // An interrupt (the application stopping) ends the loop: its pauses would no longer wait, and a
    // Redis that is gone at the same time would make it spin and flood the log.
    while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        ensureGroup();
        List<StreamEntry> entries = read(new StreamEntryID(), Duration.ZERO);
        if (entries.isEmpty()) {
          entries = reclaim();
        }
        if (entries.isEmpty()) {
          entries = read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, block);
        }
        for (StreamEntry entry : entries) {
          if (!handled(entry)) {
            Pause.sleep(block);
            break;
          }
        }
      } catch (JedisException e) {
        LOG.log(
            Level.WARNING,
            "{0}: Redis unavailable ({1}); retrying",
            new Object[] {stream, e.getMessage()});
        Pause.sleep(block);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, stream + ": an entry could not be handled; it stays pending", e);
        Pause.sleep(block);
      }
    }
  }

  /** Handles and acknowledges one entry; false when it failed and stays pending for now. */
  private boolean handled(StreamEntry entry) {
    try {
      handler.accept(entry);
    } catch (RuntimeException e) {
      int failed = failures.merge(entry.getID(), 1, Integer::sum);
      if (failed < maxFailures) {
        LOG.log(Level.SEVERE, stream + ": an entry could not be handled; it stays pending", e);
        return false;
      }
      LOG.log(
          Level.SEVERE,
          stream + ": dropped entry " + entry.getID() + " after " + failed + " failures",
          e);
    }
    failures.remove(entry.getID());
    redis.xack(stream, group, entry.getID());
    return true;
  }

  private void ensureGroup() {
    try {
      redis.xgroupCreate(stream, group, new StreamEntryID(), true);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  private List<StreamEntry> read(StreamEntryID from, Duration wait) {
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(50);
    if (!wait.isZero()) {
      params.block((int) wait.toMillis());
    }
    var answer = redis.xreadGroup(group, consumer, params, Map.of(stream, from));
    List<StreamEntry> entries = new ArrayList<>();
    if (answer != null) {
      answer.forEach(e -> entries.addAll(e.getValue()));
    }
    return entries;
  }

  private List<StreamEntry> reclaim() {
    return redis
        .xautoclaim(
            stream,
            group,
            consumer,
            reclaimIdle.toMillis(),
            new StreamEntryID(),
            XAutoClaimParams.xAutoClaimParams().count(50))
        .getValue();
  }
}
