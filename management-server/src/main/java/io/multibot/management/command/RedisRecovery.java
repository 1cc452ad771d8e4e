package io.multibot.management.command;

import io.multibot.management.platform.redis.RedisEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Heals the command cycle after Redis lost data ({@link RedisEpoch}): every command DISPATCHED or
 * RUNNING goes back to ACCEPTED, to be published again in order and marked recovered. The counter
 * is raised only after that commit, and every publisher heals before it publishes, so no command
 * accepted after Redis came back is sent before an older one that Redis lost (the order invariant
 * of {@link CommandPublisher}; {@code CommandFaultsIT} would catch a breach).
 */
@ApplicationScoped
public class RedisRecovery {

  private static final Logger LOG = Logger.getLogger(RedisRecovery.class.getName());

  private final RedisEpoch epoch;
  private final CommandService service;

  @Inject
  public RedisRecovery(RedisEpoch epoch, CommandService service) {
    this.epoch = epoch;
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected RedisRecovery() {
    this(null, null);
  }

  /**
   * Heals if Redis lost data; returns the bots whose commands went back to ACCEPTED (empty when
   * nothing was lost). Throws what Redis throws when it cannot be asked.
   */
  public List<String> healIfLost() {
    if (!epoch.lost()) {
      return List.of();
    }
    synchronized (this) {
      return epoch.lost() ? heal() : List.of();
    }
  }

  /** Every publish asks {@link #healIfLost} first: only an actual loss takes the monitor. */
  private List<String> heal() {
    List<String> bots = service.requeueInFlight();
    epoch.raise();
    LOG.log(
        Level.WARNING,
        "Redis lost data: the in-flight commands of {0} bot(s) will be published again",
        bots.size());
    return bots;
  }
}
