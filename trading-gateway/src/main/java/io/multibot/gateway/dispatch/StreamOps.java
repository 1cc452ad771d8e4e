package io.multibot.gateway.dispatch;

import io.multibot.common.stream.StreamNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * The Redis stream operations of the gateway, on the gateways' consumer group. Finishing a command
 * (done-marker, result, acknowledgement) and dead-lettering an entry (copy, acknowledgement) are
 * each one Lua script, so they happen together or not at all.
 */
final class StreamOps {

  private static final String FINISH =
      "redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) "
          + "local fields = {} for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end "
          + "redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', unpack(fields)) "
          + "return redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])";

  private static final String DEAD_LETTER =
      "local fields = {} for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end "
          + "redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(fields)) "
          + "return redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])";

  private final RedisClient redis;
  private final StreamNames names;
  private final String consumer;

  StreamOps(RedisClient redis, StreamNames names, String consumer) {
    this.redis = redis;
    this.names = names;
    this.consumer = consumer;
  }

  /** Creates the gateways' group on a stream (and the stream) unless it exists. */
  void ensureGroup(String stream) {
    try {
      redis.xgroupCreate(stream, StreamNames.GATEWAY_GROUP, new StreamEntryID(), true);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  List<StreamEntry> readNew(String stream, int count, Duration block) {
    return read(
        stream,
        StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
        XReadGroupParams.xReadGroupParams().count(count).block((int) block.toMillis()));
  }

  /** Entries delivered to this consumer and not acknowledged, oldest first. */
  List<StreamEntry> readOwnPending(String stream, int count) {
    return read(stream, new StreamEntryID(), XReadGroupParams.xReadGroupParams().count(count));
  }

  private List<StreamEntry> read(String stream, StreamEntryID from, XReadGroupParams params) {
    List<Map.Entry<String, List<StreamEntry>>> answer =
        redis.xreadGroup(StreamNames.GATEWAY_GROUP, consumer, params, Map.of(stream, from));
    List<StreamEntry> entries = new ArrayList<>();
    if (answer != null) {
      answer.forEach(e -> entries.addAll(e.getValue()));
    }
    return entries;
  }

  /** How many entries other consumers hold unacknowledged. */
  long pendingElsewhere(String stream) {
    StreamPendingSummary summary = redis.xpending(stream, StreamNames.GATEWAY_GROUP);
    if (summary.getTotal() == 0 || summary.getConsumerMessageCount() == null) {
      return 0;
    }
    Long mine = summary.getConsumerMessageCount().getOrDefault(consumer, 0L);
    return summary.getTotal() - mine;
  }

  /** Takes over entries idle longer than {@code minIdle}, whoever held them, oldest first. */
  List<StreamEntry> claimIdle(String stream, Duration minIdle) {
    return redis
        .xautoclaim(
            stream,
            StreamNames.GATEWAY_GROUP,
            consumer,
            minIdle.toMillis(),
            new StreamEntryID(),
            XAutoClaimParams.xAutoClaimParams().count(100))
        .getValue();
  }

  long deliveries(String stream, StreamEntryID id) {
    List<StreamPendingEntry> pending =
        redis.xpending(stream, StreamNames.GATEWAY_GROUP, XPendingParams.xPendingParams(id, id, 1));
    return pending.isEmpty() ? 0 : pending.get(0).getDeliveredTimes();
  }

  boolean isDone(String commandId) {
    return redis.exists(names.done(commandId));
  }

  void publishResult(Map<String, String> fields) {
    redis.xadd(
        names.results(),
        XAddParams.xAddParams().maxLen(StreamNames.MAX_LENGTH).approximateTrimming(),
        fields);
  }

  /** Done-marker, result and acknowledgement, atomically. */
  void finish(
      String stream,
      StreamEntryID entry,
      String commandId,
      Map<String, String> result,
      Duration keep) {
    List<String> args =
        new ArrayList<>(
            List.of(
                StreamNames.GATEWAY_GROUP,
                entry.toString(),
                String.valueOf(keep.toSeconds()),
                String.valueOf(StreamNames.MAX_LENGTH)));
    result.forEach((k, v) -> args.addAll(List.of(k, v)));
    redis.eval(FINISH, List.of(names.done(commandId), names.results(), stream), args);
  }

  /** The entry, with why, on the dead-letter stream, and acknowledged, atomically. */
  void deadLetter(String stream, StreamEntry entry, String reason) {
    List<String> args =
        new ArrayList<>(
            List.of(
                StreamNames.GATEWAY_GROUP,
                entry.getID().toString(),
                String.valueOf(StreamNames.MAX_LENGTH),
                "dl_reason",
                reason,
                "dl_stream",
                stream,
                "dl_entry",
                entry.getID().toString(),
                "dl_consumer",
                consumer));
    if (entry.getFields() != null) {
      entry.getFields().forEach((k, v) -> args.addAll(List.of(k, v)));
    }
    redis.eval(DEAD_LETTER, List.of(names.deadLetter(), stream), args);
  }

  void ack(String stream, StreamEntryID id) {
    redis.xack(stream, StreamNames.GATEWAY_GROUP, id);
  }
}
