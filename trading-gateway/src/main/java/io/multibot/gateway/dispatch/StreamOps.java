package io.multibot.gateway.dispatch;

import io.multibot.common.stream.StreamGroup;
import io.multibot.common.stream.StreamNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The gateway's own Redis stream operations, on the gateways' consumer group (reading is {@link
 * StreamGroup}'s, shared with management). Finishing a command (done-marker, result,
 * acknowledgement) and dead-lettering an entry (copy, acknowledgement) are each one Lua script, so
 * they happen together or not at all.
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
  private final StreamGroup group;

  StreamOps(RedisClient redis, StreamNames names, String consumer) {
    this.redis = redis;
    this.names = names;
    this.group = new StreamGroup(redis, StreamNames.GATEWAY_GROUP, consumer);
  }

  /** This consumer in the gateways' group. */
  StreamGroup group() {
    return group;
  }

  long deliveries(String stream, StreamEntryID id) {
    return group.deliveries(stream, id);
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
                group.consumer()));
    if (entry.getFields() != null) {
      entry.getFields().forEach((k, v) -> args.addAll(List.of(k, v)));
    }
    redis.eval(DEAD_LETTER, List.of(names.deadLetter(), stream), args);
  }

  void ack(String stream, StreamEntryID id) {
    group.ack(stream, id);
  }
}
