package io.multibot.management.command;

import io.multibot.management.platform.redis.PublishLocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Puts stored commands on their stream: the bot's partition, or the priority lane. The bot's
 * password travels encrypted with the stream key and the whole entry is signed. A command is marked
 * DISPATCHED only after Redis took it; if Redis is down it stays ACCEPTED and the outbox sweeper
 * tries again. Publishing twice is harmless: the gateway acts once per command id.
 *
 * <p><b>Order invariant.</b> If command A of a bot was accepted (its transaction committed) before
 * command B of the same bot was created, A is on the bot's stream before B, so the gateway, which
 * works a partition in stream order, runs A first. It holds because a command is never published on
 * its own: publishing means sending the bot's whole backlog of ACCEPTED commands oldest first,
 * under the bot's {@link PublishLocks publishing lock}, released only after the DISPATCHED marks
 * are committed; and a failed XADD stops the round, so nothing newer goes out before an older
 * command that could not. Creation times come from one clock per replica: replicas whose clocks
 * disagree by more than the time between two requests could still swap them. {@code
 * CommandFaultsIT} and {@code EndToEndIT} (commands accepted while Redis is down, then newer ones)
 * would catch a breach.
 */
@ApplicationScoped
public class CommandPublisher {

  private static final Logger LOG = Logger.getLogger(CommandPublisher.class.getName());

  /** How long a publisher waits for another one that is sending the same bot's backlog. */
  private static final Duration LOCK_WAIT = Duration.ofSeconds(2);

  /** Bots whose backlogs share one transaction when a batch is published. */
  static final int BOTS_PER_ROUND = 100;

  @Resource private ManagedExecutorService executor;

  private final BacklogRound rounds;
  private final PublishLocks locks;
  private final RedisRecovery recovery;

  @Inject
  public CommandPublisher(BacklogRound rounds, PublishLocks locks, RedisRecovery recovery) {
    this.rounds = rounds;
    this.locks = locks;
    this.recovery = recovery;
  }

  /** For CDI's proxy only. */
  protected CommandPublisher() {
    this(null, null, null);
  }

  /** Publishes the bot's backlog on another thread (called after a commit). */
  public void publishLater(String botId) {
    executor.execute(
        () -> {
          try {
            publishBacklog(botId);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "bot {0}: commands stay ACCEPTED for the outbox sweeper ({1})",
                new Object[] {botId, e.toString()});
          }
        });
  }

  /**
   * Publishes a batch's bots' backlogs (called after a commit): {@value #BOTS_PER_ROUND} bots per
   * transaction, the chunks in parallel on the managed executor.
   */
  public void publishAllLater(List<String> botIds) {
    for (int from = 0; from < botIds.size(); from += BOTS_PER_ROUND) {
      List<String> chunk =
          List.copyOf(botIds.subList(from, Math.min(botIds.size(), from + BOTS_PER_ROUND)));
      executor.execute(() -> publishAll(chunk));
    }
  }

  /**
   * Publishes these bots' backlogs in one transaction, each bot under its publishing lock, taken
   * without waiting: a bot whose lock another publisher holds, and one with more than a round of
   * backlog, goes on alone ({@link #publishLater}). If it fails, the commands stay ACCEPTED for the
   * outbox sweeper.
   *
   * @return how many commands went out in the shared round
   */
  public int publishAll(List<String> botIds) {
    try {
      recovery.healIfLost();
      return publishChunk(botIds);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "{0} bots: commands stay ACCEPTED for the outbox sweeper ({1})",
          new Object[] {botIds.size(), e.toString()});
      return 0;
    }
  }

  private int publishChunk(List<String> chunk) {
    Map<String, PublishLocks.Held> held = new LinkedHashMap<>();
    List<String> alone = new ArrayList<>();
    try {
      for (String botId : chunk) {
        locks
            .acquire(botId, Duration.ZERO)
            .ifPresentOrElse(lock -> held.put(botId, lock), () -> alone.add(botId));
      }
      Map<String, Integer> sent =
          held.isEmpty() ? Map.of() : rounds.runAll(List.copyOf(held.keySet()));
      sent.forEach(
          (botId, count) -> {
            if (count >= BacklogRound.SIZE) {
              alone.add(botId);
            }
          });
      return sent.values().stream().mapToInt(Integer::intValue).sum();
    } finally {
      held.values().forEach(CommandPublisher::release);
      alone.forEach(this::publishLater);
    }
  }

  private static void release(PublishLocks.Held lock) {
    try {
      lock.close();
    } catch (JedisException e) {
      LOG.log(Level.FINE, "a publishing lock was not released (it expires): {0}", e.toString());
    }
  }

  /**
   * Sends every ACCEPTED command of the bot, oldest first, holding the bot's publishing lock.
   *
   * @return how many commands went out; 0 also when Redis is down or another replica holds the lock
   *     for longer than a short wait (the sweeper comes back to it)
   */
  public int publishBacklog(String botId) {
    Optional<PublishLocks.Held> held;
    try {
      recovery.healIfLost();
      held = locks.acquire(botId, LOCK_WAIT);
    } catch (JedisException e) {
      return 0;
    }
    if (held.isEmpty()) {
      return 0;
    }
    int sent = 0;
    try (PublishLocks.Held lock = held.get()) {
      int round;
      do {
        round = rounds.run(botId);
        sent += round;
      } while (round > 0 && lock.renew());
    } catch (JedisException e) {
      LOG.log(Level.FINE, "publishing lock of bot {0} not released: {1}", new Object[] {botId, e});
    }
    return sent;
  }
}
