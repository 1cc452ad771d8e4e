package io.multibot.management.status;

import io.multibot.common.stream.StreamNames;
import io.multibot.management.platform.redis.Streams;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Watches the gateways' heartbeats (the sorted set {@code <prefix>:gateways}, scored by each
 * instance's last beat) every {@code gateways.watch-interval} (10 s) and tells of a gateway that is
 * lost: its last beat is older than {@code gateways.lost-after} (30 s), or it was seen beating and
 * has gone from the set (the others drop stale members) without the marker a clean shutdown leaves
 * ({@link StreamNames#gatewayLeft}).
 *
 * <p>Invariant: one loss, one message. The replica that tells of it first takes {@link
 * StreamNames#gatewayLost} for that instance and last beat (SET NX, a day); the others and later
 * rounds find it taken, and the lost member is dropped from the set unless it beat again. A gateway
 * that comes back beats with a new score, so a second loss is told again. {@code GatewayWatchIT}
 * checks a stale gateway told once, a vanished one told, and one that left cleanly not told. A loss
 * that happens and is cleaned away while no management instance is running is not seen.
 */
@ApplicationScoped
public class GatewayWatch {

  private static final Logger LOG = Logger.getLogger(GatewayWatch.class.getName());
  private static final long A_DAY = 86_400;

  /** Drops a lost member from the live set unless it has beaten again meanwhile. */
  private static final String DROP_IF_UNCHANGED =
      "local s = redis.call('ZSCORE', KEYS[1], ARGV[1]) "
          + "if s and tonumber(s) == tonumber(ARGV[2]) then "
          + "return redis.call('ZREM', KEYS[1], ARGV[1]) end return 0";

  @Resource private ManagedScheduledExecutorService scheduler;

  private final Streams streams;
  private final GatewayLosses losses;
  private final Clock clock;
  private final Duration interval;
  private final Duration lostAfter;

  /** Instances beating at the last round, with their last beat (ms). */
  private final Map<String, Long> beating = new HashMap<>();

  private ScheduledFuture<?> task;

  @Inject
  public GatewayWatch(
      Streams streams,
      GatewayLosses losses,
      Clock clock,
      @ConfigProperty(name = "gateways.watch-interval", defaultValue = "PT10S") Duration interval,
      @ConfigProperty(name = "gateways.lost-after", defaultValue = "PT30S") Duration lostAfter) {
    this.streams = streams;
    this.losses = losses;
    this.clock = clock;
    this.interval = interval;
    this.lostAfter = lostAfter;
  }

  /** For CDI's proxy only. */
  protected GatewayWatch() {
    this(null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  void start(@Observes Startup event) {
    long every = interval.toMillis();
    task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      round();
    } catch (JedisException e) {
      LOG.log(Level.FINE, "gateway watch skipped: Redis did not answer", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "gateway watch round failed", e);
    }
  }

  synchronized void round() {
    StreamNames names = streams.names();
    RedisClient redis = streams.redis();
    long now = clock.millis();
    Map<String, Long> present = new HashMap<>();
    for (Tuple member : redis.zrangeWithScores(names.gateways(), 0, -1)) {
      present.put(member.getElement(), (long) member.getScore());
    }
    Map<String, Long> lost = new HashMap<>();
    present.forEach(
        (instance, beat) -> {
          if (beat < now - lostAfter.toMillis()) {
            lost.put(instance, beat);
          }
        });
    beating.forEach(
        (instance, beat) -> {
          if (!present.containsKey(instance) && !redis.exists(names.gatewayLeft(instance))) {
            lost.put(instance, beat);
          }
        });
    beating.clear();
    present.forEach(
        (instance, beat) -> {
          if (!lost.containsKey(instance)) {
            beating.put(instance, beat);
          }
        });
    lost.forEach((instance, beat) -> tell(redis, names, instance, beat));
  }

  private void tell(RedisClient redis, StreamNames names, String instance, long beat) {
    String first =
        redis.set(names.gatewayLost(instance, beat), "1", SetParams.setParams().nx().ex(A_DAY));
    if ("OK".equals(first)) {
      losses.lost(instance, Instant.ofEpochMilli(beat));
      LOG.log(Level.WARNING, "a trading gateway was lost; see the audit log (gateway.lost)");
    }
    redis.eval(
        DROP_IF_UNCHANGED, List.of(names.gateways()), List.of(instance, String.valueOf(beat)));
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
