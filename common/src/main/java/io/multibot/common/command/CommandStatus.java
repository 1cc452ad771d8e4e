package io.multibot.common.command;

import java.util.EnumSet;
import java.util.Set;

/**
 * A command's lifecycle: ACCEPTED (committed) → DISPATCHED (on the stream) → RUNNING (a gateway
 * took it) → one of the terminal states. Statuses only move forward; see {@link #canMoveTo}.
 */
public enum CommandStatus {
  ACCEPTED,
  DISPATCHED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  EXPIRED,
  REJECTED,
  DEAD_LETTERED;

  private static final Set<CommandStatus> TERMINAL =
      EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, EXPIRED, REJECTED, DEAD_LETTERED);

  public boolean terminal() {
    return TERMINAL.contains(this);
  }

  /**
   * Whether a result reporting {@code next} may be applied to a command in this status: never
   * backwards and never out of a terminal status, so duplicate or late results change nothing.
   */
  public boolean canMoveTo(CommandStatus next) {
    return !terminal() && next.ordinal() > ordinal();
  }
}
