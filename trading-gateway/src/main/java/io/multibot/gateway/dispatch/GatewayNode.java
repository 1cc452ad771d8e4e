package io.multibot.gateway.dispatch;

import io.multibot.common.concurrent.Pause;
import io.multibot.common.stream.GroupWorker;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.runtime.Supervisor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One gateway instance's share of the command cycle: a coordinator thread that keeps the partition
 * leases (every third of their lifetime), a worker thread per owned partition, and {@link
 * #PRIORITY_WORKERS} workers on the priority lane. A partition above the fair share is drained (its
 * worker finishes the entry in hand and stops) before its lease is given back, so no two instances
 * read one partition at once.
 */
public final class GatewayNode implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GatewayNode.class.getName());

  /**
   * Workers on the priority lane per instance: one dead bot must not hold up the kill switch, and a
   * kill switch over a thousand bots is a thousand priority commands that each wait on a bot's
   * answer, so the bots are contacted this many at a time (four made it take 3.5 to 5 s).
   */
  public static final int PRIORITY_WORKERS = 16;

  /** How often a partition's worker launches wanted managed bots it has never seen. */
  static final Duration RECONCILE_EVERY = Duration.ofSeconds(10);

  private static final int ORDERED_BATCH = 10;

  private final RedisClient redis;
  private final StreamNames names;
  private final DispatchSettings settings;
  private final ThreadFactory threads;
  private final PartitionLeases leases;
  private final StreamOps streams;
  private final CommandProcessor processor;
  private final Map<Integer, Thread> workers = new ConcurrentHashMap<>();
  private final Set<Integer> draining = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private Thread coordinator;
  private final List<Thread> priority = new ArrayList<>();
  private final Function<String, CommandProcessor> processors;
  private final ManagedCommands managed;

  /**
   * What a node talks to: Redis (its stream names), the stream key, the bots' client, and the
   * supervisor of the managed bots it runs.
   */
  public record Connections(
      RedisClient redis,
      StreamNames names,
      StreamSecurity security,
      FreqtradeClient client,
      Supervisor supervisor) {}

  public GatewayNode(
      Connections connections,
      DispatchSettings settings,
      ThreadFactory threads,
      Clock clock,
      DispatchObserver observer) {
    RedisClient redis = connections.redis();
    StreamNames names = connections.names();
    StreamSecurity security = connections.security();
    FreqtradeClient client = connections.client();
    this.redis = redis;
    this.names = names;
    this.settings = settings;
    this.threads = threads;
    this.leases =
        new PartitionLeases(redis, names, settings.instanceId(), settings.leaseTtl(), clock);
    CommandExecutor executor = new CommandExecutor(client, settings.attempts(), settings.backoff());
    this.managed =
        new ManagedCommands(
            connections.supervisor(),
            new ManagedRegistry(redis, names, security, settings.instanceId()),
            executor,
            security,
            names,
            settings.leaseTtl().plus(connections.supervisor().settings().stopGrace()));
    this.processors =
        consumer ->
            new CommandProcessor(
                new StreamOps(redis, names, consumer),
                security,
                executor,
                managed,
                settings,
                clock,
                observer);
    this.streams = new StreamOps(redis, names, settings.instanceId());
    this.processor = processors.apply(settings.instanceId());
  }

  public synchronized void start() {
    running = true;
    coordinator = threads.newThread(this::coordinate);
    coordinator.setName("multibot-dispatch-leases");
    coordinator.start();
    for (int i = 0; i < PRIORITY_WORKERS; i++) {
      String consumer = settings.instanceId() + "-priority-" + i;
      GroupWorker lane =
          worker(
              names.priority(),
              new StreamOps(redis, names, consumer),
              processors.apply(consumer),
              false,
              GroupWorker.Housekeeping.NONE);
      Thread worker = threads.newThread(() -> lane.run(() -> running));
      worker.setName("multibot-dispatch-priority-" + i);
      priority.add(worker);
      worker.start();
    }
  }

  private void coordinate() {
    long period = Math.max(100, settings.leaseTtl().toMillis() / 3);
    while (running) {
      try {
        Set<Integer> owned = leases.rebalance();
        owned.forEach(this::ensureWorker);
        managed.reassert(owned);
        leases.surplus().forEach(draining::add);
      } catch (JedisException e) {
        LOG.log(Level.WARNING, "cannot renew partition leases: {0}", e.getMessage());
      }
      if (!Pause.sleep(Duration.ofMillis(period))) {
        return;
      }
    }
  }

  private void ensureWorker(int partition) {
    Thread current = workers.get(partition);
    if (current != null && current.isAlive() || draining.contains(partition)) {
      return;
    }
    Thread worker =
        threads.newThread(
            () -> {
              managed.adopt(partition, () -> owns(partition));
              worker(
                      names.commands(partition),
                      streams,
                      processor,
                      true,
                      new GroupWorker.Housekeeping(
                          () -> managed.reconcile(partition, () -> owns(partition)),
                          RECONCILE_EVERY))
                  .run(() -> owns(partition));
              managed.release(partition, !running);
              if (draining.remove(partition)) {
                leases.release(partition);
              }
            });
    worker.setName("multibot-dispatch-" + partition);
    workers.put(partition, worker);
    worker.start();
  }

  /**
   * A worker of the gateways' group on one stream. A command partition is ordered (its bots'
   * commands run in stream order, ten read at a time); the priority lane is not, and its workers
   * take one entry at a time so that several share it and none waits for another's.
   */
  private GroupWorker worker(
      String stream,
      StreamOps ops,
      CommandProcessor handler,
      boolean ordered,
      GroupWorker.Housekeeping housekeeping) {
    return new GroupWorker(
        ops.group(),
        stream,
        new GroupWorker.Settings(
            settings.block(), settings.claimIdle(), ordered ? ORDERED_BATCH : 1, ordered),
        (entry, redelivered) -> handler.process(stream, entry, redelivered),
        housekeeping);
  }

  private boolean owns(int partition) {
    return running && leases.owns(partition) && !draining.contains(partition);
  }

  /** The partitions this instance works now (for health and tests). */
  public Set<Integer> ownedPartitions() {
    return Set.copyOf(
        workers.entrySet().stream()
            .filter(e -> e.getValue().isAlive())
            .map(Map.Entry::getKey)
            .toList());
  }

  @Override
  public synchronized void close() throws InterruptedException {
    running = false;
    if (coordinator != null) {
      coordinator.interrupt();
      coordinator.join(5_000);
    }
    for (Thread worker : workers.values()) {
      worker.join(settings.block().toMillis() + 5_000);
    }
    for (Thread worker : priority) {
      worker.join(settings.block().toMillis() + 5_000);
    }
    try {
      leases.releaseAll();
    } catch (JedisException e) {
      LOG.log(Level.WARNING, "leases not released (they expire): {0}", e.getMessage());
    }
  }
}
