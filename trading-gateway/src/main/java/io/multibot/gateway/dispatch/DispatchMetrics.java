package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.RedisClient;

/**
 * Prometheus figures of the gateway's command consumption: commands finished here by type and
 * status, entries dead-lettered by reason, partitions owned, and over all command partitions (plus
 * the priority lane) the gateways group's pending entries and lag, and the dead-letter length.
 */
@ApplicationScoped
public class DispatchMetrics implements DispatchObserver {

  private final MetricRegistry registry;

  @Inject
  public DispatchMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  /** For CDI's proxy only. */
  protected DispatchMetrics() {
    this(null);
  }

  @Override
  public void finished(CommandType type, CommandStatus status) {
    registry
        .counter(
            "multibot.dispatch.commands",
            new Tag("type", type.wireName()),
            new Tag("status", status.name().toLowerCase(Locale.ROOT)))
        .inc();
  }

  @Override
  public void deadLettered(String reason) {
    registry.counter("multibot.dispatch.dead.lettered", new Tag("reason", reason)).inc();
  }

  /** The gauges that read Redis or the node at scrape time. */
  public void register(RedisClient redis, StreamNames names, Supplier<Integer> ownedPartitions) {
    registry.gauge("multibot.dispatch.partitions.owned", ownedPartitions::get);
    registry.gauge("multibot.commands.pending", () -> sum(redis, names, true));
    registry.gauge("multibot.commands.lag", () -> sum(redis, names, false));
    registry.gauge(
        "multibot.dead.letter.length", () -> StreamStats.length(redis, names.deadLetter()));
  }

  /**
   * The dead-man switch: {@code multibot_deadman_tripped} (1 while Redis has been silent too long)
   * and {@code multibot_deadman_paused_bots} (bots it paused in this outage); the chart's alert
   * MultibotDeadManTripped reads the first.
   */
  public void register(BooleanSupplier tripped, IntSupplier pausedBots) {
    registry.gauge("multibot.deadman.tripped", () -> tripped.getAsBoolean() ? 1 : 0);
    registry.gauge("multibot.deadman.paused.bots", pausedBots::getAsInt);
  }

  /** Pending (or lag) of the gateways group over every command stream; -1 if Redis cannot tell. */
  private static long sum(RedisClient redis, StreamNames names, boolean pending) {
    long total = 0;
    for (int p = -1; p < names.partitions(); p++) {
      String stream = p < 0 ? names.priority() : names.commands(p);
      long value =
          pending
              ? StreamStats.pending(redis, stream, StreamNames.GATEWAY_GROUP)
              : StreamStats.lag(redis, stream, StreamNames.GATEWAY_GROUP);
      if (value < 0 && StreamStats.length(redis, stream) < 0) {
        return -1;
      }
      total += Math.max(0, value);
    }
    return total;
  }
}
