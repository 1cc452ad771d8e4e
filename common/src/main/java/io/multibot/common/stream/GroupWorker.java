package io.multibot.common.stream;

import io.multibot.common.concurrent.Pause;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The consumer-group loop of both servers. Each round: this consumer's own pending entries first
 * (after a restart); then entries others left pending (they died) once idle longer than {@code
 * claimIdle}; then new ones. An <em>ordered</em> stream (a gateway's command partition, whose bots'
 * commands must run in stream order) reads nothing new while another consumer still holds entries:
 * it waits until it can reclaim them. A handler that throws leaves the entry pending (it comes back
 * next round); Redis outages are waited out. Work that must not overlap the entries ({@link
 * Housekeeping}) runs between rounds on the same thread.
 */
public final class GroupWorker {

  private static final Logger LOG = Logger.getLogger(GroupWorker.class.getName());

  /** Handles one entry; {@code redelivered} when it was delivered before (own or reclaimed). */
  @FunctionalInterface
  public interface EntryHandler {
    void handle(StreamEntry entry, boolean redelivered);
  }

  /**
   * Handles a round's entries together (such as in one database transaction); {@code running} says
   * whether to go on with the next entry when it handles them one by one.
   */
  @FunctionalInterface
  public interface BatchHandler {
    void handle(List<StreamEntry> entries, boolean redelivered, BooleanSupplier running);
  }

  /**
   * @param block how long a read waits for new entries, and the pause after a failure
   * @param claimIdle how long an entry must have been idle before another consumer takes it
   * @param batch entries read per round
   */
  public record Settings(Duration block, Duration claimIdle, int batch, boolean ordered) {}

  /** Work done every {@code every} between rounds. */
  public record Housekeeping(Runnable task, Duration every) {
    public static final Housekeeping NONE = new Housekeeping(() -> {}, Duration.ofDays(365));
  }

  private final StreamGroup group;
  private final String stream;
  private final Settings settings;
  private final BatchHandler handler;
  private final Housekeeping housekeeping;

  /** A worker that hands the entries to {@code handler} one by one, in stream order. */
  public GroupWorker(
      StreamGroup group,
      String stream,
      Settings settings,
      EntryHandler handler,
      Housekeeping housekeeping) {
    this(group, stream, settings, oneByOne(handler), housekeeping);
  }

  /** A worker that hands each round's entries to {@code handler} together. */
  public GroupWorker(
      StreamGroup group,
      String stream,
      Settings settings,
      BatchHandler handler,
      Housekeeping housekeeping) {
    this.group = group;
    this.stream = stream;
    this.settings = settings;
    this.handler = handler;
    this.housekeeping = housekeeping;
  }

  /** A batch handler that hands the entries to {@code handler} one by one, in stream order. */
  public static BatchHandler oneByOne(EntryHandler handler) {
    return (entries, redelivered, running) -> {
      for (StreamEntry entry : entries) {
        if (!running.getAsBoolean()) {
          return;
        }
        handler.handle(entry, redelivered);
      }
    };
  }

  /** Works the stream while {@code running} says so and the thread is not interrupted. */
  public void run(BooleanSupplier running) {
    long housekept = System.nanoTime();
    // An interrupt (the application stopping) ends the loop: its pauses would no longer wait, and a
    // Redis that is gone at the same time would make it spin and flood the log.
    while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        if (System.nanoTime() - housekept >= housekeeping.every().toNanos()) {
          housekept = System.nanoTime();
          housekeeping.task().run();
        }
        step(running);
      } catch (JedisException e) {
        LOG.log(
            Level.WARNING,
            "{0}: Redis unavailable ({1}); retrying",
            new Object[] {stream, e.getMessage()});
        Pause.sleep(settings.block());
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, stream + ": an entry could not be handled; it stays pending", e);
        Pause.sleep(settings.block());
      }
    }
  }

  /** One round: own pending entries, then reclaimed ones, then new ones. */
  void step(BooleanSupplier running) {
    group.ensure(stream);
    List<StreamEntry> mine = group.ownPending(stream, settings.batch());
    if (!mine.isEmpty()) {
      handle(mine, true, running);
      return;
    }
    if (settings.ordered() && group.pendingElsewhere(stream) == 0) {
      handle(group.readNew(stream, settings.batch(), settings.block()), false, running);
      return;
    }
    List<StreamEntry> claimed = group.claimIdle(stream, settings.claimIdle(), settings.batch());
    if (!claimed.isEmpty()) {
      handle(claimed, true, running);
    } else if (settings.ordered()) {
      Pause.sleep(settings.block());
    } else {
      handle(group.readNew(stream, settings.batch(), settings.block()), false, running);
    }
  }

  private void handle(List<StreamEntry> entries, boolean redelivered, BooleanSupplier running) {
    if (!entries.isEmpty()) {
      handler.handle(entries, redelivered, running);
    }
  }

  /**
   * A handler that passes a round's entries to {@code batch} together and acknowledges them all
   * once it returned. When the batch fails (a bad entry, a lost race, an outage) nothing is
   * acknowledged and the entries go one by one to {@code single} (such as {@link #acking}), which
   * keeps its guarantees: an entry is acknowledged only once handled, one bad entry cannot block
   * the others. So {@code batch} must change nothing unless it succeeds for all (one transaction),
   * and handling an entry twice must be harmless (results are idempotent).
   */
  public static BatchHandler ackingBatches(
      StreamGroup group, String stream, Consumer<List<StreamEntry>> batch, EntryHandler single) {
    BatchHandler oneByOne = oneByOne(single);
    return (entries, redelivered, running) -> {
      if (entries.size() > 1) {
        try {
          batch.accept(entries);
          group.ack(stream, entries.stream().map(StreamEntry::getID).toList());
          return;
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              stream + ": " + entries.size() + " entries failed together; now one by one",
              e);
        }
      }
      oneByOne.handle(entries, redelivered, running);
    };
  }

  /**
   * A handler that passes each entry to {@code consumer} and acknowledges it once that returned; an
   * entry whose consumer fails {@code maxFailures} times is logged and acknowledged anyway
   * (dropped), so that it cannot block the stream.
   */
  public static EntryHandler acking(
      StreamGroup group, String stream, Consumer<StreamEntry> consumer, int maxFailures) {
    Map<StreamEntryID, Integer> failures = new HashMap<>();
    return (entry, redelivered) -> {
      try {
        consumer.accept(entry);
      } catch (RuntimeException e) {
        int failed = failures.merge(entry.getID(), 1, Integer::sum);
        if (failed < maxFailures) {
          throw new IllegalStateException(
              "entry " + entry.getID() + " failed " + failed + " time(s)", e);
        }
        LOG.log(
            Level.SEVERE,
            stream + ": dropped entry " + entry.getID() + " after " + failed + " failures",
            e);
      }
      failures.remove(entry.getID());
      group.ack(stream, entry.getID());
    };
  }
}
