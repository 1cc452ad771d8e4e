package io.multibot.common.status;

/**
 * Where a managed bot's process is in its life on its gateway: the supervisor's state, reported
 * with every poll of a managed bot ({@code managed_state}). Not a {@link BotState}: a process can
 * be {@code RUNNING} while freqtrade inside it is {@code stopped}.
 */
public enum ProcessState {
  /** Launched, its API not answering yet. */
  STARTING,
  /** Its API answers. */
  RUNNING,
  /** Exited on its own; waiting before it is started again. */
  BACKOFF,
  /** Asked to stop: SIGTERM sent, waiting for the exit. */
  STOPPING,
  /** Not running, and not to be restarted. */
  STOPPED,
  /** Restarted too often in a row: supervision gave up until the next start. */
  CRASHED;

  /** The state a wire name means, or {@code null} for none or one this version does not know. */
  public static ProcessState ofWire(String name) {
    for (ProcessState state : values()) {
      if (state.name().equals(name)) {
        return state;
      }
    }
    return null;
  }
}
