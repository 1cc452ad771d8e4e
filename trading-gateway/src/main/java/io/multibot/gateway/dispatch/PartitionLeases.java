package io.multibot.gateway.dispatch;

import io.multibot.common.stream.StreamNames;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Which command partitions this gateway instance owns. A lease is a Redis key holding the instance
 * id with a time to live; the owner renews it, and a lease nobody renews expires, so the partitions
 * of a dead instance go to the live ones. Each instance takes at most its fair share (partitions
 * divided by live instances, rounded up) and gives back what is above it, so adding an instance
 * spreads the load.
 */
final class PartitionLeases {

  /**
   * Renews this instance's lease; one that is missing altogether (Redis lost its data) is taken
   * again at once rather than given up, so the partition's worker and bots carry on. A lease some
   * other instance holds is lost.
   */
  private static final String RENEW =
      "local owner = redis.call('GET', KEYS[1]) "
          + "if owner == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
          + "if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end "
          + "return 0";

  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then "
          + "return redis.call('DEL', KEYS[1]) else return 0 end";

  private final RedisClient redis;
  private final StreamNames names;
  private final String instance;
  private final Duration ttl;
  private final Clock clock;
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private volatile int share = Integer.MAX_VALUE;

  PartitionLeases(
      RedisClient redis, StreamNames names, String instance, Duration ttl, Clock clock) {
    this.redis = redis;
    this.names = names;
    this.instance = instance;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * Says this instance is alive, renews its leases, takes free partitions up to its share and marks
   * those above it for release. Returns the partitions owned now.
   */
  Set<Integer> rebalance() {
    long now = clock.millis();
    redis.zadd(names.gateways(), now, instance);
    redis.zremrangeByScore(names.gateways(), 0, now - ttl.toMillis());
    long live = Math.max(1, redis.zcard(names.gateways()));
    owned.removeIf(p -> !renew(p));
    int share = (int) Math.ceil((double) names.partitions() / live);
    this.share = share;
    int start = Math.floorMod(instance.hashCode(), names.partitions());
    for (int i = 0; i < names.partitions() && owned.size() < share; i++) {
      int partition = (start + i) % names.partitions();
      if (!owned.contains(partition) && acquire(partition)) {
        owned.add(partition);
      }
    }
    return Set.copyOf(owned);
  }

  /** Partitions held beyond the fair share; their workers stop and release them. */
  Set<Integer> surplus() {
    return owned.stream().sorted().skip(share).collect(java.util.stream.Collectors.toSet());
  }

  boolean owns(int partition) {
    return owned.contains(partition);
  }

  private boolean acquire(int partition) {
    return "OK"
        .equals(
            redis.set(
                names.lease(partition), instance, SetParams.setParams().nx().px(ttl.toMillis())));
  }

  private boolean renew(int partition) {
    Object renewed =
        redis.eval(
            RENEW,
            List.of(names.lease(partition)),
            List.of(instance, String.valueOf(ttl.toMillis())));
    return Long.valueOf(1).equals(renewed);
  }

  void release(int partition) {
    owned.remove(partition);
    redis.eval(RELEASE, List.of(names.lease(partition)), List.of(instance));
  }

  /**
   * Gives every lease back and leaves the live set (at shutdown), saying so for an hour: management
   * does not take a gateway that left for one that was lost.
   */
  void releaseAll() {
    for (Integer partition : Set.copyOf(owned)) {
      release(partition);
    }
    redis.set(
        names.gatewayLeft(instance),
        String.valueOf(clock.millis()),
        SetParams.setParams().ex(3600));
    redis.zrem(names.gateways(), instance);
  }
}
