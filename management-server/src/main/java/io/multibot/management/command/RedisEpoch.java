package io.multibot.management.command;

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
 * used to heal ({@link OutboxSweeper}). Loss of only gateway writes that no publish followed is not
 * seen here: such a command stays RUNNING and ends UNKNOWN after {@code commands.running-limit}.
 */
@ApplicationScoped
public class RedisEpoch {

  private static final String PUBLISH =
      "local fields = {} for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end "
          + "redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields)) "
          + "return redis.call('INCR', KEYS[2])";

  private static final String RAISE =
      "local now = tonumber(redis.call('GET', KEYS[1]) or '0') "
          + "if now < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end return 1";

  private final CommandStreams streams;
  private final AtomicLong highest = new AtomicLong();

  @Inject
  public RedisEpoch(CommandStreams streams) {
    this.streams = streams;
  }

  /** For CDI's proxy only. */
  protected RedisEpoch() {
    this(null);
  }

  /** Adds the entry to the stream and counts it, atomically. */
  public void publish(String stream, Map<String, String> fields) {
    List<String> args = new ArrayList<>(List.of(String.valueOf(StreamNames.MAX_LENGTH)));
    fields.forEach((k, v) -> args.addAll(List.of(k, v)));
    Object count = streams.redis().eval(PUBLISH, List.of(stream, streams.names().epoch()), args);
    highest.accumulateAndGet(((Number) count).longValue(), Math::max);
  }

  /**
   * Whether Redis lost data since this replica last looked: the counter is missing, or below what
   * this replica saw. The counter is then raised past that, and the caller must heal. On a first
   * start against an empty Redis this says true too; healing then finds nothing, or commands that
   * were in flight when the system last stopped, which it may send again safely.
   */
  public boolean lost() {
    String key = streams.names().epoch();
    String value = streams.redis().get(key);
    long seen = highest.get();
    if (value != null && Long.parseLong(value) >= seen) {
      return false;
    }
    long raised = seen + 1;
    streams.redis().eval(RAISE, List.of(key), List.of(String.valueOf(raised)));
    highest.accumulateAndGet(raised, Math::max);
    return true;
  }
}
