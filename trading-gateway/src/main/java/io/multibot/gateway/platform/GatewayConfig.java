package io.multibot.gateway.platform;

import io.multibot.common.stream.StreamNames;
import io.multibot.gateway.bot.ClientSettings;
import io.multibot.gateway.dispatch.DispatchSettings;
import io.multibot.gateway.runtime.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the gateway, read from MicroProfile Config into the settings records its parts
 * are built with. Each default lives in one place, {@code META-INF/microprofile-config.properties}
 * (overridden by environment variables: {@code dispatch.block} ← {@code DISPATCH_BLOCK}); this
 * class names no default of its own, except what depends on another value ({@code bot.runtime.dir}
 * under {@code multibot.data.dir}, itself optional: see the properties file) or on the host ({@code
 * gateway.instance-id}).
 */
@ApplicationScoped
public class GatewayConfig {

  private static final Logger LOG = Logger.getLogger(GatewayConfig.class.getName());

  private final Config config;

  /** Made once: every {@link #dispatch()} of this instance names the same consumer. */
  private final String fallbackInstanceId = defaultInstanceId();

  @Inject
  public GatewayConfig(Config config) {
    this.config = config;
  }

  /** For CDI's proxy. */
  protected GatewayConfig() {
    this(null);
  }

  /** {@code dispatch.enabled}: whether this instance consumes commands at all. */
  public boolean dispatchEnabled() {
    return config.getValue("dispatch.enabled", Boolean.class);
  }

  /** The stream names: {@code multibot.stream.prefix} and {@code commands.partitions}. */
  public StreamNames streamNames() {
    return new StreamNames(
        config.getValue("multibot.stream.prefix", String.class),
        config.getValue("commands.partitions", Integer.class));
  }

  /** {@code dispatch.*}, {@code commands.partitions} and {@code gateway.instance-id}. */
  public DispatchSettings dispatch() {
    String instance =
        config
            .getOptionalValue("gateway.instance-id", String.class)
            .filter(id -> !id.isBlank())
            .orElse(fallbackInstanceId);
    return new DispatchSettings(
        instance,
        config.getValue("commands.partitions", Integer.class),
        duration("dispatch.block"),
        duration("dispatch.lease-ttl"),
        duration("dispatch.claim-idle"),
        config.getValue("dispatch.max-deliveries", Integer.class),
        duration("dispatch.done-ttl"),
        config.getValue("dispatch.attempts", Integer.class),
        duration("dispatch.backoff"));
  }

  /** {@code bot.client.*}: how the gateway talks to bots' APIs. */
  public ClientSettings client() {
    return new ClientSettings(
        duration("bot.client.connect-timeout"),
        duration("bot.client.read-timeout"),
        config.getValue("bot.client.circuit.failures", Integer.class),
        duration("bot.client.circuit.open-for"),
        config.getValue("bot.client.bulkhead", Integer.class),
        config.getValue("bot.client.rate-budget", Boolean.class));
  }

  /**
   * {@code bot.runtime.*}: how managed bots are launched — the command (words separated by spaces),
   * the workspaces (default {@code <multibot.data.dir>/bots}), and the waits.
   */
  public RuntimeSettings runtime() {
    String command = config.getValue("bot.runtime.command", String.class);
    Path workspaces =
        config
            .getOptionalValue("bot.runtime.dir", String.class)
            .map(Path::of)
            .orElseGet(
                () ->
                    Path.of(
                        config.getOptionalValue("multibot.data.dir", String.class).orElse("data"),
                        "bots"));
    return new RuntimeSettings(
        List.of(command.trim().split("\\s+")),
        workspaces,
        duration("bot.runtime.start-timeout"),
        duration("bot.runtime.stop-grace"),
        duration("bot.runtime.backoff"),
        duration("bot.runtime.max-backoff"),
        config.getValue("bot.runtime.max-restarts", Integer.class),
        duration("bot.runtime.stable-after"),
        config.getValue("bot.runtime.log-lines", Integer.class),
        leavesBotsOnShutdown(),
        duration("bot.runtime.leave-wait"));
  }

  /** {@code status.interval}: how often each bot is polled. */
  /** {@code deadman.after}: Redis silence before managed bots' entries are paused (zero: off). */
  public Duration deadManAfter() {
    return duration("deadman.after");
  }

  public Duration statusInterval() {
    return duration("status.interval");
  }

  /** {@code status.threads}: at most how many polls run at once. */
  public int statusThreads() {
    return config.getValue("status.threads", Integer.class);
  }

  /** {@code bot.runtime.on-shutdown}: {@code stop} or {@code leave}. */
  private boolean leavesBotsOnShutdown() {
    String mode = config.getValue("bot.runtime.on-shutdown", String.class);
    if (!mode.equals("stop") && !mode.equals("leave")) {
      LOG.warning("multibot: BOT_RUNTIME_ON_SHUTDOWN must be stop or leave; using stop");
    }
    return mode.equals("leave");
  }

  private Duration duration(String key) {
    return Duration.parse(config.getValue(key, String.class));
  }

  private static String defaultInstanceId() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("gateway");
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
