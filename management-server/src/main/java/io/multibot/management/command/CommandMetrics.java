package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamStats;
import io.multibot.management.platform.redis.Streams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Prometheus figures of the command cycle on management: commands accepted and finished by type
 * (and final status), the time from acceptance to the final result, and the results stream's
 * pending entries, lag and the dead-letter stream's length, and how often the kill switch was
 * pulled. Tags have bounded values (command types and statuses only), so each counter and timer is
 * looked up in the registry once and kept: a registry lookup checks the tags against every series
 * of the name, which at a thousand commands a second was a visible part of the command path's CPU
 * (docs/performance.md).
 */
@ApplicationScoped
public class CommandMetrics {

  private final MetricRegistry registry;
  private final Streams streams;
  private final Map<CommandType, Counter> accepted = new ConcurrentHashMap<>();
  private final Map<String, Counter> finished = new ConcurrentHashMap<>();
  private final Map<CommandType, Timer> latency = new ConcurrentHashMap<>();

  @Inject
  public CommandMetrics(MetricRegistry registry, Streams streams) {
    this.registry = registry;
    this.streams = streams;
  }

  /** For CDI's proxy only. */
  protected CommandMetrics() {
    this(null, null);
  }

  void register(@Observes Startup event) {
    StreamNames names = streams.names();
    registry.gauge(
        "multibot.results.pending",
        () -> StreamStats.pending(streams.redis(), names.results(), StreamNames.MANAGEMENT_GROUP));
    registry.gauge(
        "multibot.results.lag",
        () -> StreamStats.lag(streams.redis(), names.results(), StreamNames.MANAGEMENT_GROUP));
    registry.gauge(
        "multibot.dead.letter.length",
        () -> StreamStats.length(streams.redis(), names.deadLetter()));
  }

  /**
   * The kill switch was pulled ({@code multibot_emergency_stop_all_total}): the chart's alert
   * MultibotKillSwitchPulled fires on any increase.
   */
  public void killSwitchPulled() {
    registry.counter("multibot.emergency.stop.all").inc();
  }

  public void accepted(CommandType type) {
    accepted
        .computeIfAbsent(
            type,
            t -> registry.counter("multibot.commands.accepted", new Tag("type", t.wireName())))
        .inc();
  }

  /** A command reached a final status {@code latency} after it was accepted. */
  public void finished(CommandType type, CommandStatus status, Duration latency) {
    String outcome = status.name().toLowerCase(Locale.ROOT);
    finished
        .computeIfAbsent(
            type.wireName() + "/" + outcome,
            key ->
                registry.counter(
                    "multibot.commands.finished",
                    new Tag("type", type.wireName()),
                    new Tag("status", outcome)))
        .inc();
    this.latency
        .computeIfAbsent(
            type, t -> registry.timer("multibot.commands.latency", new Tag("type", t.wireName())))
        .update(latency);
  }
}
