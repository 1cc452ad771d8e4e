package io.multibot.gateway.dispatch;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.runtime.RuntimeSettings;
import io.multibot.gateway.runtime.Sealer;
import io.multibot.gateway.runtime.Supervisor;
import io.multibot.gateway.status.StatusPoller;
import io.multibot.gateway.status.StatusPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import redis.clients.jedis.RedisClient;

/**
 * Starts this gateway instance's {@link GatewayNode} when the application starts and stops it
 * (leases given back) when it stops. Settings come from MicroProfile Config ({@code dispatch.*},
 * {@code commands.partitions}, {@code multibot.stream.prefix}); without a stream key nothing is
 * consumed and the startup check says why.
 */
@ApplicationScoped
public class DispatchLifecycle {

  private static final Logger LOG = Logger.getLogger(DispatchLifecycle.class.getName());

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Config config;
  private final RedisConnection redis;
  private final StreamKeys keys;
  private final FreqtradeClient client;
  private final DispatchMetrics metrics;
  private GatewayNode node;
  private RedisClient streamClient;
  private Supervisor supervisor;
  private StatusPoller poller;

  @Inject
  public DispatchLifecycle(
      Config config,
      RedisConnection redis,
      StreamKeys keys,
      FreqtradeClient client,
      DispatchMetrics metrics) {
    this.config = config;
    this.redis = redis;
    this.keys = keys;
    this.client = client;
    this.metrics = metrics;
  }

  /** For CDI's proxy. */
  protected DispatchLifecycle() {
    this(null, null, null, null, null);
  }

  void start(@Observes Startup event) {
    boolean enabled = config.getOptionalValue("dispatch.enabled", Boolean.class).orElse(true);
    if (!enabled || keys.security().isEmpty() || redis.configurationError().isPresent()) {
      LOG.warning(
          "multibot: the gateway consumes no commands (disabled, or no stream key / Redis URL)");
      return;
    }
    DispatchSettings settings = settings();
    StreamNames names =
        new StreamNames(
            config.getOptionalValue("multibot.stream.prefix", String.class).orElse("multibot"),
            settings.partitions());
    streamClient =
        redis.newClient(
            settings.block().plusSeconds(3),
            settings.partitions() + GatewayNode.PRIORITY_WORKERS + pollThreads() + 5);
    StatusPublisher publisher =
        new StatusPublisher(streamClient, names, keys.security().get(), settings.instanceId());
    StreamSecurity key = keys.security().get();
    supervisor =
        new Supervisor(
            runtimeSettings(),
            scheduler,
            publisher,
            Clock.systemUTC(),
            Sealer.of(key::encrypt, key::decrypt));
    supervisor.onRetired(client::forget);
    node =
        new GatewayNode(
            new GatewayNode.Connections(
                streamClient, names, keys.security().get(), client, supervisor),
            settings,
            threads,
            Clock.systemUTC(),
            metrics);
    metrics.register(streamClient, names, () -> node.ownedPartitions().size());
    node.start();
    startPolling(names, publisher);
    LOG.info(() -> "multibot: gateway instance " + settings.instanceId() + " consumes commands");
  }

  /** Polls the bots of the partitions this instance owns ({@code status.*}). */
  private void startPolling(StreamNames names, StatusPublisher publisher) {
    poller =
        new StatusPoller(
            new StatusPoller.Sources(
                streamClient, names, keys.security().get(), client, supervisor, publisher),
            node::ownedPartitions,
            duration("status.interval", "PT15S"),
            pollThreads(),
            threads,
            Clock.systemUTC());
    poller.start();
  }

  DispatchSettings settings() {
    String instance =
        config
            .getOptionalValue("gateway.instance-id", String.class)
            .filter(id -> !id.isBlank())
            .orElseGet(DispatchLifecycle::defaultInstanceId);
    return new DispatchSettings(
        instance,
        config.getOptionalValue("commands.partitions", Integer.class).orElse(16),
        duration("dispatch.block", "PT2S"),
        duration("dispatch.lease-ttl", "PT15S"),
        duration("dispatch.claim-idle", "PT90S"),
        config.getOptionalValue("dispatch.max-deliveries", Integer.class).orElse(5),
        duration("dispatch.done-ttl", "P7D"),
        config.getOptionalValue("dispatch.attempts", Integer.class).orElse(4),
        duration("dispatch.backoff", "PT1S"));
  }

  /**
   * How managed bots are launched ({@code bot.runtime.*}): the command (default {@code freqtrade};
   * words separated by spaces), the workspaces (default {@code <data dir>/bots}), and the waits.
   */
  RuntimeSettings runtimeSettings() {
    String command =
        config.getOptionalValue("bot.runtime.command", String.class).orElse("freqtrade");
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
        duration("bot.runtime.start-timeout", "PT60S"),
        duration("bot.runtime.stop-grace", "PT30S"),
        duration("bot.runtime.backoff", "PT2S"),
        duration("bot.runtime.max-backoff", "PT5M"),
        config.getOptionalValue("bot.runtime.max-restarts", Integer.class).orElse(5),
        duration("bot.runtime.stable-after", "PT10M"),
        config.getOptionalValue("bot.runtime.log-lines", Integer.class).orElse(50),
        leavesBotsOnShutdown(),
        duration("bot.runtime.leave-wait", "PT10M"));
  }

  /** {@code bot.runtime.on-shutdown}: {@code stop} (default) or {@code leave}. */
  private boolean leavesBotsOnShutdown() {
    String mode = config.getOptionalValue("bot.runtime.on-shutdown", String.class).orElse("stop");
    if (!mode.equals("stop") && !mode.equals("leave")) {
      LOG.warning("multibot: BOT_RUNTIME_ON_SHUTDOWN must be stop or leave; using stop");
    }
    return mode.equals("leave");
  }

  private int pollThreads() {
    return config.getOptionalValue("status.threads", Integer.class).orElse(4);
  }

  private Duration duration(String key, String fallback) {
    return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
  }

  private static String defaultInstanceId() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("gateway");
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @PreDestroy
  void stop() {
    try {
      if (poller != null) {
        poller.close();
      }
      if (node != null) {
        node.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (supervisor != null && !supervisor.settings().leaveOnShutdown()) {
        supervisor.close();
      }
      if (streamClient != null) {
        streamClient.close();
      }
    }
    LOG.log(Level.INFO, "multibot: command consumption stopped");
  }
}
