package io.multibot.gateway.dispatch;

import io.multibot.common.command.LaunchSpec;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * The managed bots that should run, per partition, and which gateway instance runs each one now. A
 * start records the bot's launch spec (encrypted: it holds exchange secrets) and a stop removes it,
 * so the instance that takes a partition over knows what to launch.
 */
final class ManagedRegistry {

  /** Clears the bot's runner if it is this instance, running or having left the bot running. */
  private static final String CLEAR_RUNNER =
      "local runner = redis.call('HGET', KEYS[1], ARGV[1]) "
          + "if runner == ARGV[2] or runner == ARGV[3] then "
          + "return redis.call('HDEL', KEYS[1], ARGV[1]) else return 0 end";

  /** The suffix of a runner that stopped but left its bot running. */
  static final String LEFT = "|left";

  private final RedisClient redis;
  private final StreamNames names;
  private final StreamSecurity security;
  private final String instance;

  ManagedRegistry(RedisClient redis, StreamNames names, StreamSecurity security, String instance) {
    this.redis = redis;
    this.names = names;
    this.security = security;
    this.instance = instance;
  }

  void want(LaunchSpec spec) {
    redis.hset(
        names.managed(names.partitionOf(spec.botId())),
        spec.botId(),
        security.encrypt(spec.toJson()));
  }

  /**
   * Writes back what Redis should say about a bot this instance runs, where it says nothing (it
   * lost its data): that the bot should run, and that it runs here.
   */
  void reassert(LaunchSpec spec) {
    int partition = names.partitionOf(spec.botId());
    if (!redis.hexists(names.managed(partition), spec.botId())) {
      redis.hsetnx(names.managed(partition), spec.botId(), security.encrypt(spec.toJson()));
    }
    if (redis.hget(names.runners(partition), spec.botId()) == null) {
      redis.hsetnx(names.runners(partition), spec.botId(), instance);
    }
  }

  void forget(String botId) {
    redis.hdel(names.managed(names.partitionOf(botId)), botId);
  }

  /** The ids of the partition's bots that should run. */
  java.util.Set<String> wantedIds(int partition) {
    return redis.hkeys(names.managed(partition));
  }

  /** The bots of the partition that should run (entries this key cannot read are skipped). */
  List<LaunchSpec> wanted(int partition) {
    List<LaunchSpec> specs = new ArrayList<>();
    for (Map.Entry<String, String> entry : redis.hgetAll(names.managed(partition)).entrySet()) {
      security.decrypt(entry.getValue()).flatMap(LaunchSpec::fromJson).ifPresent(specs::add);
    }
    return specs;
  }

  /** Marks this instance's bot as left running (it stops, the bot does not); see {@link #LEFT}. */
  void leftHere(String botId) {
    redis.hset(names.runners(names.partitionOf(botId)), botId, instance + LEFT);
  }

  void runsHere(String botId) {
    redis.hset(names.runners(names.partitionOf(botId)), botId, instance);
  }

  void stoppedHere(String botId) {
    redis.eval(
        CLEAR_RUNNER,
        List.of(names.runners(names.partitionOf(botId))),
        List.of(botId, instance, instance + LEFT));
  }

  /**
   * The instance that last said it runs the bot (ending in {@link #LEFT} if it left the bot running
   * when it stopped), unless it is this one.
   */
  Optional<String> runElsewhere(String botId) {
    return Optional.ofNullable(redis.hget(names.runners(names.partitionOf(botId)), botId))
        .filter(runner -> !runner.equals(instance) && !runner.equals(instance + LEFT));
  }
}
