package io.multibot.gateway.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's dead-man switch (off unless {@code deadman.after} is set): a gateway that cannot
 * reach Redis for longer than that cannot receive a stop or a kill switch, so it pauses new entries
 * of every managed bot it runs (freqtrade's {@code /pause}, or {@code /stopentry} on 2.40 bots;
 * open trades stay managed by the bot). While it stays cut off, a bot that starts running (its
 * supervisor restarted it) is paused too. When Redis answers again it says so once per paused bot
 * ({@link Announcer}); the bots stay paused until an operator starts them: resuming on its own
 * would undo a stop that may have been sent meanwhile.
 *
 * <p>Invariants, each checked by {@code DeadManSwitchTest}: nothing happens before Redis has been
 * silent for the whole {@code after}; each running bot is paused at most once per outage (a pause
 * that failed is tried again on the next check); every bot paused is announced exactly once when
 * Redis is back; a zero {@code after} never pauses anything.
 */
public final class DeadManSwitch {

  private static final Logger LOG = Logger.getLogger(DeadManSwitch.class.getName());

  /** Receives, once Redis answers again, each bot the switch paused and when the outage began. */
  @FunctionalInterface
  public interface Announcer {
    void paused(String botId, Instant silentSince, Duration after);
  }

  private final Duration after;
  private final BooleanSupplier redisAnswers;
  private final Supplier<List<String>> runningBots;
  private final Predicate<String> pause;
  private final Announcer announcer;
  private final Clock clock;
  private final Set<String> paused = new LinkedHashSet<>();
  private Instant lastAnswer;
  private boolean tripped;

  /**
   * @param redisAnswers whether Redis answers now (a PING, bounded by the client's timeout)
   * @param runningBots the managed bots of this gateway whose process runs
   * @param pause pauses one bot's entries; true when the bot confirmed
   */
  public DeadManSwitch(
      Duration after,
      BooleanSupplier redisAnswers,
      Supplier<List<String>> runningBots,
      Predicate<String> pause,
      Announcer announcer,
      Clock clock) {
    this.after = after;
    this.redisAnswers = redisAnswers;
    this.runningBots = runningBots;
    this.pause = pause;
    this.announcer = announcer;
    this.clock = clock;
    this.lastAnswer = clock.instant();
  }

  /** Whether the switch is on at all. */
  public boolean armed() {
    return !after.isZero() && !after.isNegative();
  }

  /** Whether it has tripped and Redis has not answered since. */
  public synchronized boolean tripped() {
    return tripped;
  }

  /** How many bots it paused in the current outage (0 when not tripped). */
  public synchronized int pausedBots() {
    return paused.size();
  }

  /** One look: call it every second or so from one thread. */
  public synchronized void check() {
    if (!armed()) {
      return;
    }
    Instant now = clock.instant();
    if (answers()) {
      if (tripped) {
        recover();
      }
      lastAnswer = now;
      return;
    }
    if (Duration.between(lastAnswer, now).compareTo(after) < 0) {
      return;
    }
    if (!tripped) {
      tripped = true;
      Instant since = lastAnswer;
      LOG.warning(() -> "multibot: Redis unreachable since " + since + "; pausing entries");
    }
    for (String botId : runningBots.get()) {
      if (!paused.contains(botId) && pause.test(botId)) {
        paused.add(botId);
        LOG.warning(() -> "multibot: dead-man switch paused the entries of bot " + botId);
      }
    }
  }

  private void recover() {
    LOG.warning(() -> "multibot: Redis answers again; " + paused.size() + " bots stay paused");
    for (String botId : paused) {
      try {
        announcer.paused(botId, lastAnswer, after);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "multibot: a dead-man switch pause could not be announced", e);
      }
    }
    paused.clear();
    tripped = false;
  }

  private boolean answers() {
    try {
      return redisAnswers.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
