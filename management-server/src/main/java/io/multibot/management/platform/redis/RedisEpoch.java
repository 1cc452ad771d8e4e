package io.multibot.management.platform.redis;

import io.multibot.common.stream.StreamNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells whether Redis lost data: a counter ({@code <prefix>:epoch}) that every command publish
 * increments in the same script as its XADD, and the highest value this replica has seen. Redis
 * restarted without persistence (our machines' default) comes back without the counter; one killed
 * with an append-only file synced every second, or a failover, can come back with a lower one (its
 * tail lost, with the commands published in it). Either way the database, the source of truth, is
 * used to heal (the command feature's {@code OutboxSweeper} and {@code RedisRecovery}). Loss of
 * only gateway writes that no publish followed is not seen here: such a command stays RUNNING and
 * ends UNKNOWN after {@code commands.running-limit}.
 */
@ApplicationScoped
public class RedisEpoch {

  /** XADD and INCR; nothing and -1 when the counter is missing or unreadable (heal first). */
  private static final String PUBLISH =
      "if not tonumber(redis.call('GET', KEYS[2])) then return -1 end "
          + "local fields = {} for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end "
          + "redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields)) "
          + "return redis.call('INCR', KEYS[2])";

  private static final String RAISE =
      "local now = tonumber(redis.call('GET', KEYS[1])) or 0 "
          + "if now < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end return 1";

  private final Streams streams;
  private final AtomicLong highest = new AtomicLong();

  @Inject
  public RedisEpoch(Streams streams) {
    this.streams = streams;
  }

  /** For CDI's proxy only. */
  protected RedisEpoch() {
    this(null);
  }

  /** The stream names the counter is kept with. */
  public StreamNames names() {
    return streams.names();
  }

  /**
   * Adds the entry to the stream and counts it, atomically; false, adding nothing, when the counter
   * is missing: Redis lost data, and what was in flight must be healed before anything newer goes.
   */
  public boolean publish(String stream, Map<String, String> fields) {
    List<String> args = new ArrayList<>(List.of(String.valueOf(StreamNames.MAX_LENGTH)));
    fields.forEach((k, v) -> args.addAll(List.of(k, v)));
    long count =
        ((Number) streams.redis().eval(PUBLISH, List.of(stream, streams.names().epoch()), args))
            .longValue();
    highest.accumulateAndGet(count, Math::max);
    return count > 0;
  }

  /**
   * Whether Redis lost data since this replica last looked: the counter is missing, or below what
   * this replica saw. On a first start against an empty Redis this says true too; healing then
   * finds nothing, or commands that were in flight when the system last stopped, which it may send
   * again safely.
   */
  public boolean lost() {
    String value = streams.redis().get(streams.names().epoch());
    try {
      return value == null || Long.parseLong(value) < highest.get();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /**
   * Whether Redis lost data after this replica had published to it (a loss found on a fresh start
   * is healed before the first publish and says nothing about this replica's readiness).
   */
  public boolean lostWhileRunning() {
    return highest.get() > 0 && lost();
  }

  /** After healing: the counter goes past what this replica saw, so the loss is not seen twice. */
  public void raise() {
    long raised = highest.get() + 1;
    streams.redis().eval(RAISE, List.of(streams.names().epoch()), List.of(String.valueOf(raised)));
    highest.accumulateAndGet(raised, Math::max);
  }
}
