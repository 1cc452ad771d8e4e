package io.multibot.gateway.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How managed bots are launched and supervised.
 *
 * @param command the freqtrade executable and any arguments before {@code trade} (default {@code
 *     freqtrade}; development and tests use {@code java -jar freqtrade-simulator.jar})
 * @param workspaces the directory under which each bot gets a directory of its own
 * @param startTimeout how long a launched bot has to answer on its API
 * @param stopGrace how long a stopping bot has between SIGTERM and SIGKILL
 * @param backoff the wait before the first restart; doubled for each further one
 * @param maxBackoff the longest wait between restarts
 * @param maxRestarts restarts in a row (each run shorter than {@code stableAfter}) before CRASHED
 * @param stableAfter a run at least this long resets the restart count
 * @param logLines how many log lines a crash keeps
 * @param leaveOnShutdown whether a stopping gateway leaves its bots running (for a gateway that
 *     comes back on the same host and workspaces, which adopts them) instead of stopping them
 * @param leaveWait how long another instance waits for a gateway that left bots running to come
 *     back before it launches them itself
 */
public record RuntimeSettings(
    List<String> command,
    Path workspaces,
    Duration startTimeout,
    Duration stopGrace,
    Duration backoff,
    Duration maxBackoff,
    int maxRestarts,
    Duration stableAfter,
    int logLines,
    boolean leaveOnShutdown,
    Duration leaveWait) {

  public RuntimeSettings {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the bot command is empty");
    }
  }

  /** The wait before the {@code restart}-th restart in a row (1-based). */
  Duration backoffBefore(int restart) {
    Duration wait = backoff;
    for (int i = 1; i < restart && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
