package io.multibot.common.stream;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Figures about streams for metrics: length, entries a group holds unacknowledged, and its lag
 * (entries not yet delivered to it). Each is -1 while Redis cannot tell (down, or no such stream or
 * group yet), so that a scrape never fails.
 */
public final class StreamStats {

  private StreamStats() {}

  public static long length(RedisClient redis, String stream) {
    try {
      return redis.exists(stream) ? redis.xlen(stream) : 0;
    } catch (JedisException e) {
      return -1;
    }
  }

  public static long pending(RedisClient redis, String stream, String group) {
    return group(redis, stream, group).map(StreamGroupInfo::getPending).orElse(-1L);
  }

  /** Redis 7's {@code lag} of the group; -1 when unknown. */
  public static long lag(RedisClient redis, String stream, String group) {
    return group(redis, stream, group)
        .map(info -> info.getGroupInfo().get("lag"))
        .filter(Long.class::isInstance)
        .map(Long.class::cast)
        .orElse(-1L);
  }

  private static java.util.Optional<StreamGroupInfo> group(
      RedisClient redis, String stream, String group) {
    try {
      if (!redis.exists(stream)) {
        return java.util.Optional.empty();
      }
      return redis.xinfoGroups(stream).stream().filter(g -> group.equals(g.getName())).findFirst();
    } catch (JedisException e) {
      return java.util.Optional.empty();
    }
  }
}
