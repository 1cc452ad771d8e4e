package io.multibot.gateway.platform;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.ProcessState;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.dispatch.DispatchMetrics;
import io.multibot.gateway.dispatch.DispatchSettings;
import io.multibot.gateway.dispatch.GatewayNode;
import io.multibot.gateway.runtime.ManagedStatus;
import io.multibot.gateway.runtime.Sealer;
import io.multibot.gateway.runtime.Supervisor;
import io.multibot.gateway.safety.DeadManSwitch;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;

/**
 * The gateway's wiring: when the application starts, builds this instance's parts from {@link
 * GatewayConfig} — the status publisher, the managed bots' supervisor, the {@link GatewayNode} that
 * consumes commands and the status poller — and starts them; stops them (leases given back) when it
 * stops. Without a stream key or a usable Redis URL nothing is consumed and the startup check says
 * why.
 */
@ApplicationScoped
public class GatewayLifecycle {

  private static final Logger LOG = Logger.getLogger(GatewayLifecycle.class.getName());

  @Resource private ManagedThreadFactory threads;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final GatewayConfig config;
  private final RedisConnection redis;
  private final StreamKeys keys;
  private final FreqtradeClient client;
  private final DispatchMetrics metrics;
  private GatewayNode node;
  private RedisClient streamClient;
  private Supervisor supervisor;
  private StatusPoller poller;
  private ScheduledFuture<?> deadManCheck;

  @Inject
  public GatewayLifecycle(
      GatewayConfig config,
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
  protected GatewayLifecycle() {
    this(null, null, null, null, null);
  }

  void start(@Observes Startup event) {
    if (!config.dispatchEnabled()
        || keys.security().isEmpty()
        || redis.configurationError().isPresent()) {
      LOG.warning(
          "multibot: the gateway consumes no commands (disabled, or no stream key / Redis URL)");
      return;
    }
    DispatchSettings settings = config.dispatch();
    StreamNames names = config.streamNames();
    streamClient =
        redis.newClient(
            settings.block().plusSeconds(3),
            settings.partitions() + GatewayNode.PRIORITY_WORKERS + config.statusThreads() + 5);
    StatusPublisher publisher =
        new StatusPublisher(streamClient, names, keys.security().get(), settings.instanceId());
    StreamSecurity key = keys.security().get();
    supervisor =
        new Supervisor(
            config.runtime(),
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
    startDeadManSwitch(publisher);
    LOG.info(() -> "multibot: gateway instance " + settings.instanceId() + " consumes commands");
  }

  /**
   * The dead-man switch ({@code deadman.after}, off by default): looks every second whether Redis
   * answers; after that long without an answer it pauses the entries of the managed bots running
   * here, and once Redis answers it publishes a PAUSED event for each.
   */
  private void startDeadManSwitch(StatusPublisher publisher) {
    Duration after = config.deadManAfter();
    if (after.isZero() || after.isNegative()) {
      return;
    }
    DeadManSwitch deadMan =
        new DeadManSwitch(
            after,
            () -> "PONG".equals(streamClient.ping()),
            () ->
                supervisor.statuses().stream()
                    .filter(s -> s.state() == ProcessState.RUNNING)
                    .map(ManagedStatus::botId)
                    .toList(),
            botId ->
                supervisor.endpoint(botId).map(bot -> client.pause(bot).isSuccess()).orElse(false),
            (botId, since, silence) ->
                publisher.on(
                    new ProcessEvent(
                        botId,
                        ProcessEvent.Kind.PAUSED,
                        null,
                        "entries paused by the gateway's dead-man switch: Redis did not answer"
                            + " from "
                            + since
                            + " for more than "
                            + silence
                            + "; start the bot to resume",
                        List.of(),
                        Instant.now())),
            Clock.systemUTC());
    metrics.register(deadMan::tripped, deadMan::pausedBots);
    deadManCheck = scheduler.scheduleWithFixedDelay(deadMan::check, 1, 1, TimeUnit.SECONDS);
    LOG.info(() -> "multibot: dead-man switch armed: entries paused after " + after);
  }

  /** Polls the bots of the partitions this instance owns ({@code status.*}). */
  private void startPolling(StreamNames names, StatusPublisher publisher) {
    poller =
        new StatusPoller(
            new StatusPoller.Sources(
                streamClient, names, keys.security().get(), client, supervisor, publisher),
            node::ownedPartitions,
            config.statusInterval(),
            config.statusThreads(),
            threads,
            Clock.systemUTC());
    poller.start();
  }

  @PreDestroy
  void stop() {
    try {
      if (deadManCheck != null) {
        deadManCheck.cancel(false);
      }
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
