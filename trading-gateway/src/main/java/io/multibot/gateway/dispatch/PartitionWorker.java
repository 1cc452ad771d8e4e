package io.multibot.gateway.dispatch;

import io.multibot.common.concurrent.Pause;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Works one command partition while this instance owns it, one entry at a time so that each bot's
 * commands run in the order they were accepted. Before reading new entries it finishes its own
 * pending ones and, if another consumer left entries pending (it died or lost its lease), waits
 * until they are idle longer than the longest bot call and reclaims them first.
 */
final class PartitionWorker implements Runnable {

  private static final Logger LOG = Logger.getLogger(PartitionWorker.class.getName());

  private final String stream;
  private final StreamOps streams;
  private final CommandProcessor processor;
  private final DispatchSettings settings;
  private final BooleanSupplier owned;
  private final boolean ordered;
  private final Housekeeping housekeeping;

  /**
   * @param ordered whether entries must run in stream order (command partitions); the priority lane
   *     is not ordered, so several workers share it and none waits for another's pending entries
   */
  PartitionWorker(
      String stream,
      StreamOps streams,
      CommandProcessor processor,
      DispatchSettings settings,
      BooleanSupplier owned,
      boolean ordered,
      Housekeeping housekeeping) {
    this.stream = stream;
    this.streams = streams;
    this.processor = processor;
    this.settings = settings;
    this.owned = owned;
    this.ordered = ordered;
    this.housekeeping = housekeeping;
  }

  /**
   * Work a partition's worker does on its own thread between entries, every {@code every}: work
   * that must not overlap the partition's commands (see {@link ManagedCommands#reconcile}).
   */
  record Housekeeping(Runnable task, java.time.Duration every) {
    static final Housekeeping NONE = new Housekeeping(() -> {}, java.time.Duration.ofDays(365));
  }

  @Override
  public void run() {
    long housekept = System.nanoTime();
    while (owned.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        if (System.nanoTime() - housekept >= housekeeping.every().toNanos()) {
          housekept = System.nanoTime();
          housekeeping.task().run();
        }
        step();
      } catch (JedisException e) {
        LOG.log(Level.WARNING, "Redis unavailable for " + stream + ": " + e.getMessage());
        Pause.sleep(settings.block());
      } catch (RuntimeException e) {
        // The entry stays pending and comes back; after maxDeliveries it is dead-lettered.
        LOG.log(Level.SEVERE, "failed to process an entry of " + stream, e);
        Pause.sleep(settings.block());
      }
    }
  }

  /** One round: own pending entries, then reclaimed ones, then new ones. */
  void step() {
    streams.ensureGroup(stream);
    List<StreamEntry> mine = streams.readOwnPending(stream, 10);
    if (!mine.isEmpty()) {
      handle(mine, true);
      return;
    }
    if (!ordered) {
      List<StreamEntry> claimed = streams.claimIdle(stream, settings.claimIdle());
      handle(
          claimed.isEmpty() ? streams.readNew(stream, 1, settings.block()) : claimed,
          !claimed.isEmpty());
      return;
    }
    if (streams.pendingElsewhere(stream) > 0) {
      List<StreamEntry> claimed = streams.claimIdle(stream, settings.claimIdle());
      if (claimed.isEmpty()) {
        Pause.sleep(settings.block());
      } else {
        handle(claimed, true);
      }
      return;
    }
    handle(streams.readNew(stream, 10, settings.block()), false);
  }

  private void handle(List<StreamEntry> entries, boolean redelivered) {
    for (StreamEntry entry : entries) {
      if (!owned.getAsBoolean()) {
        return;
      }
      processor.process(stream, entry, redelivered);
    }
  }
}
