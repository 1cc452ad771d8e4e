package io.multibot.common.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * One consumer's view of a consumer group: the Redis commands both servers' stream workers use
 * (creating the group, reading own pending and new entries, reclaiming idle ones, acknowledging).
 * {@link GroupWorker} is the loop built on it.
 */
public final class StreamGroup {

  private final RedisClient redis;
  private final String group;
  private final String consumer;

  public StreamGroup(RedisClient redis, String group, String consumer) {
    this.redis = redis;
    this.group = group;
    this.consumer = consumer;
  }

  public String consumer() {
    return consumer;
  }

  /** Creates the group on a stream (and the stream) unless it exists (BUSYGROUP is no error). */
  public void ensure(String stream) {
    try {
      redis.xgroupCreate(stream, group, new StreamEntryID(), true);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  /** Entries delivered to this consumer and not acknowledged, oldest first. */
  public List<StreamEntry> ownPending(String stream, int count) {
    return read(stream, new StreamEntryID(), XReadGroupParams.xReadGroupParams().count(count));
  }

  /** Entries never delivered to any consumer, waiting up to {@code block} for one. */
  public List<StreamEntry> readNew(String stream, int count, Duration block) {
    return read(
        stream,
        StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
        XReadGroupParams.xReadGroupParams().count(count).block((int) block.toMillis()));
  }

  private List<StreamEntry> read(String stream, StreamEntryID from, XReadGroupParams params) {
    List<Map.Entry<String, List<StreamEntry>>> answer =
        redis.xreadGroup(group, consumer, params, Map.of(stream, from));
    List<StreamEntry> entries = new ArrayList<>();
    if (answer != null) {
      answer.forEach(e -> entries.addAll(e.getValue()));
    }
    return entries;
  }

  /** Takes over entries idle longer than {@code minIdle}, whoever held them, oldest first. */
  public List<StreamEntry> claimIdle(String stream, Duration minIdle, int count) {
    return redis
        .xautoclaim(
            stream,
            group,
            consumer,
            minIdle.toMillis(),
            new StreamEntryID(),
            XAutoClaimParams.xAutoClaimParams().count(count))
        .getValue();
  }

  /** How many entries other consumers hold unacknowledged. */
  public long pendingElsewhere(String stream) {
    StreamPendingSummary summary = redis.xpending(stream, group);
    if (summary.getTotal() == 0 || summary.getConsumerMessageCount() == null) {
      return 0;
    }
    Long mine = summary.getConsumerMessageCount().getOrDefault(consumer, 0L);
    return summary.getTotal() - mine;
  }

  /** How often the entry was delivered (0 once acknowledged). */
  public long deliveries(String stream, StreamEntryID id) {
    List<StreamPendingEntry> pending =
        redis.xpending(stream, group, XPendingParams.xPendingParams(id, id, 1));
    return pending.isEmpty() ? 0 : pending.get(0).getDeliveredTimes();
  }

  public void ack(String stream, StreamEntryID id) {
    redis.xack(stream, group, id);
  }

  /** Acknowledges these entries with one command. */
  public void ack(String stream, List<StreamEntryID> ids) {
    if (!ids.isEmpty()) {
      redis.xack(stream, group, ids.toArray(StreamEntryID[]::new));
    }
  }
}
