package io.multibot.gateway.runtime;

/** Where a managed bot's process is in its life on this gateway. */
public enum ManagedState {
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
  CRASHED
}
