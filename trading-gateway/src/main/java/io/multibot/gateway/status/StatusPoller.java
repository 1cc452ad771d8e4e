package io.multibot.gateway.status;

import io.multibot.common.command.BotAddress;
import io.multibot.common.status.BotPoll;
import io.multibot.common.status.ProcessState;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.runtime.ManagedStatus;
import io.multibot.gateway.runtime.Supervisor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Polls every bot of the partitions this instance owns once per interval: the managed bots it runs
 * and the external bots management lists ({@code <prefix>:external:<p>}). Each bot's turn is offset
 * within the interval by a hash of its id, so a thousand bots do not poll in the same second; a bot
 * whose previous poll is still running is skipped, and a pool that grows to {@code status.threads}
 * does the calls.
 */
public final class StatusPoller implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StatusPoller.class.getName());
  private static final Duration TICK = Duration.ofMillis(250);
  private static final int FULL_EVERY = 4;

  private final RedisClient redis;
  private final StreamNames names;
  private final StreamSecurity security;
  private final FreqtradeClient client;
  private final Supervisor supervisor;
  private final Supplier<Set<Integer>> owned;
  private final StatusPublisher publisher;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService ticker;
  private final ExecutorService pollers;
  private final Map<String, Instant> due = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> rounds = new ConcurrentHashMap<>();
  private volatile Map<String, BotAddress> external = Map.of();
  private volatile Instant directoryReadAt = Instant.EPOCH;

  /** What the poller reads from and writes to. */
  public record Sources(
      RedisClient redis,
      StreamNames names,
      StreamSecurity security,
      FreqtradeClient client,
      Supervisor supervisor,
      StatusPublisher publisher) {}

  public StatusPoller(
      Sources sources,
      Supplier<Set<Integer>> owned,
      Duration interval,
      int threads,
      ThreadFactory factory,
      Clock clock) {
    this.redis = sources.redis();
    this.names = sources.names();
    this.security = sources.security();
    this.client = sources.client();
    this.supervisor = sources.supervisor();
    this.publisher = sources.publisher();
    this.owned = owned;
    this.interval = interval;
    this.clock = clock;
    this.ticker = Executors.newSingleThreadScheduledExecutor(factory);
    this.pollers = elastic(threads, factory);
  }

  /**
   * Up to {@code threads} polls at once, the threads made as polls need them and let go after a
   * minute idle. How many are needed is polls per second (bots ÷ interval) times a poll's length
   * (five calls): 1,000 bots every 15 s at 44 ms a call keep 15 busy, so four fixed threads fell to
   * half the configured rate; a queue of waiting polls is bounded by the bots (one each).
   */
  private static ThreadPoolExecutor elastic(int threads, ThreadFactory factory) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  public void start() {
    ticker.scheduleWithFixedDelay(
        this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      Set<Integer> partitions = owned.get();
      if (Duration.between(directoryReadAt, now).compareTo(interval) >= 0) {
        external = readDirectory(partitions);
        directoryReadAt = now;
      }
      Map<String, Runnable> bots = new HashMap<>();
      external.forEach(
          (botId, address) -> {
            if (partitions.contains(names.partitionOf(botId))) {
              bots.put(botId, () -> pollExternal(botId, address));
            }
          });
      for (ManagedStatus status : supervisor.statuses()) {
        if (partitions.contains(names.partitionOf(status.botId()))
            && status.state() != ProcessState.STOPPED) {
          bots.put(status.botId(), () -> pollManaged(status.botId()));
        }
      }
      due.keySet().retainAll(bots.keySet());
      rounds.keySet().retainAll(bots.keySet());
      bots.forEach((botId, poll) -> pollIfDue(botId, poll, now));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "status poller tick failed", e);
    }
  }

  private void pollIfDue(String botId, Runnable poll, Instant now) {
    Instant next = due.computeIfAbsent(botId, id -> now.plus(offset(id)));
    if (now.isBefore(next) || !inFlight.add(botId)) {
      return;
    }
    due.put(botId, next.plus(interval).isAfter(now) ? next.plus(interval) : now.plus(interval));
    try {
      pollers.execute(
          () -> {
            try {
              poll.run();
            } finally {
              inFlight.remove(botId);
            }
          });
    } catch (RejectedExecutionException e) {
      inFlight.remove(botId);
    }
  }

  /** Where in the interval this bot's polls fall: stable per bot, spread over all bots. */
  Duration offset(String botId) {
    CRC32 crc = new CRC32();
    crc.update(botId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Duration.ofMillis(crc.getValue() % Math.max(1, interval.toMillis()));
  }

  private Map<String, BotAddress> readDirectory(Set<Integer> partitions) {
    Map<String, BotAddress> read = new HashMap<>();
    try {
      for (int partition : partitions) {
        redis
            .hgetAll(names.external(partition))
            .forEach((botId, json) -> BotAddress.fromJson(json).ifPresent(a -> read.put(botId, a)));
      }
    } catch (JedisException e) {
      LOG.log(Level.FINE, "external bots not read: {0}", e.getMessage());
      return external;
    }
    return read;
  }

  private void pollExternal(String botId, BotAddress address) {
    Optional<String> password = security.decrypt(address.encryptedPassword());
    BotPoll poll =
        password.isEmpty()
            ? BotPoll.unreachable("the bot's password cannot be decrypted", null)
            : client.inBackground(
                () ->
                    PollReport.poll(
                        client,
                        new BotEndpoint(
                            botId, URI.create(address.url()), address.username(), password.get()),
                        null,
                        fullRound(botId)));
    report(botId, poll);
  }

  private void pollManaged(String botId) {
    ProcessState state =
        supervisor.status(botId).map(ManagedStatus::state).orElse(ProcessState.STOPPED);
    Optional<BotEndpoint> endpoint = supervisor.endpoint(botId);
    BotPoll poll =
        endpoint.isEmpty()
            ? BotPoll.unreachable("the bot's process is " + state, state)
            : client.inBackground(
                () -> PollReport.poll(client, endpoint.get(), state, fullRound(botId)));
    report(botId, poll);
  }

  /** Every {@value #FULL_EVERY}th poll of a bot (the first one too) also reads logs and trades. */
  private boolean fullRound(String botId) {
    return rounds.merge(botId, 1, (a, b) -> (a + b) % FULL_EVERY) == 1 % FULL_EVERY;
  }

  private void report(String botId, BotPoll poll) {
    if (poll != null) {
      publisher.publish(botId, clock.instant(), poll);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    pollers.shutdownNow();
  }
}
