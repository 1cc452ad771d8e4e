package io.multibot.management.status;

import io.multibot.common.command.BotAddress;
import io.multibot.common.stream.StreamKeys;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotTarget;
import io.multibot.management.platform.redis.Streams;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Every {@code status.directory-interval}: writes the external bots' API addresses (password
 * encrypted with the stream key) to Redis, one hash per partition, for the gateway that owns the
 * partition to poll; and marks offline the bots no gateway has reported on for a while.
 */
@ApplicationScoped
public class BotDirectory {

  private static final Logger LOG = Logger.getLogger(BotDirectory.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final BotService bots;
  private final StatusService statuses;
  private final BotMetrics metrics;
  private final Streams streams;
  private final StreamKeys keys;
  private final Duration interval;
  private final Duration silence;
  private ScheduledFuture<?> task;

  @Inject
  public BotDirectory(
      BotService bots,
      StatusService statuses,
      BotMetrics metrics,
      Streams streams,
      StreamKeys keys,
      @ConfigProperty(name = "status.directory-interval", defaultValue = "PT10S") Duration interval,
      @ConfigProperty(name = "status.silence", defaultValue = "PT2M") Duration silence) {
    this.bots = bots;
    this.statuses = statuses;
    this.metrics = metrics;
    this.streams = streams;
    this.keys = keys;
    this.interval = interval;
    this.silence = silence;
  }

  /** For CDI's proxy only. */
  protected BotDirectory() {
    this(null, null, null, null, null, Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  void start(@Observes Startup event) {
    task =
        scheduler.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void run() {
    try {
      keys.security().ifPresent(this::publish);
      int silent = statuses.markSilent(silence);
      metrics.refresh();
      if (silent > 0) {
        LOG.log(Level.INFO, "status: {0} bot(s) went offline (no gateway reports)", silent);
      }
    } catch (JedisException e) {
      LOG.log(Level.FINE, "bot directory not written: {0}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "bot directory round failed; next in " + interval, e);
    }
  }

  /**
   * Brings each partition's hash up to date: entries of bots that are gone are removed, and only
   * new or changed addresses are encrypted and written (an unchanged one stays as it is).
   */
  private void publish(StreamSecurity security) {
    publishExternal(security);
    publishWantedManaged(security);
  }

  /**
   * The gateways' record of which managed bots should run ({@code <prefix>:managed:<p>}) is a cache
   * of the registry's desired state: a bot that should run and is missing there (Redis lost it) is
   * written back with its launch spec. Only missing entries are built, so a round costs one read
   * per partition when nothing changed. Entries are removed by the gateway that runs a stop, in
   * order with the bot's other commands, never from here. A gateway that restarts after Redis lost
   * its data finds its bots there again and adopts or relaunches them ({@code EndToEndIT} would
   * catch a breach).
   */
  private void publishWantedManaged(StreamSecurity security) {
    StreamNames names = streams.names();
    List<String> toRun = bots.managedToRun();
    RedisClient redis = streams.redis();
    for (int partition = 0; partition < names.partitions(); partition++) {
      int p = partition;
      String key = names.managed(partition);
      Set<String> written = redis.hkeys(key);
      for (String botId : toRun) {
        if (names.partitionOf(botId) == p && !written.contains(botId)) {
          bots.targetIfExists(botId)
              .flatMap(BotTarget::launch)
              .ifPresent(spec -> redis.hset(key, botId, security.encrypt(spec.toJson())));
        }
      }
    }
  }

  private void publishExternal(StreamSecurity security) {
    StreamNames names = streams.names();
    Map<Integer, Map<String, BotTarget.Address>> byPartition = new HashMap<>();
    for (BotTarget bot : bots.externalTargets()) {
      bot.address()
          .ifPresent(
              address ->
                  byPartition
                      .computeIfAbsent(names.partitionOf(bot.id()), p -> new HashMap<>())
                      .put(bot.id(), address));
    }
    RedisClient redis = streams.redis();
    for (int partition = 0; partition < names.partitions(); partition++) {
      Map<String, BotTarget.Address> wanted = byPartition.getOrDefault(partition, Map.of());
      String key = names.external(partition);
      Map<String, String> written = redis.hgetAll(key);
      Map<String, String> changed = new HashMap<>();
      wanted.forEach(
          (botId, address) -> {
            if (!sameAddress(written.get(botId), address, security)) {
              changed.put(
                  botId,
                  new BotAddress(
                          address.url(), address.username(), security.encrypt(address.password()))
                      .toJson());
            }
          });
      for (String botId : written.keySet()) {
        if (!wanted.containsKey(botId)) {
          redis.hdel(key, botId);
        }
      }
      if (!changed.isEmpty()) {
        redis.hset(key, changed);
      }
    }
  }

  private static boolean sameAddress(
      String written, BotTarget.Address address, StreamSecurity security) {
    return written != null
        && BotAddress.fromJson(written)
            .filter(a -> a.url().equals(address.url()) && a.username().equals(address.username()))
            .flatMap(a -> security.decrypt(a.encryptedPassword()))
            .filter(address.password()::equals)
            .isPresent();
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
