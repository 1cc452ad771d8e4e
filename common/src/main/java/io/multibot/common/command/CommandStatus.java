package io.multibot.common.command;

import java.util.EnumSet;
import java.util.Set;

/**
 * A command's lifecycle: ACCEPTED (committed) → DISPATCHED (on the stream) → RUNNING (a gateway
 * took it) → one of the terminal states. Statuses only move forward; see {@link #canMoveTo}. {@link
 * #UNKNOWN} says the outcome could not be established (a command RUNNING far longer than any bot
 * call takes, its gateway and its result lost): it is never a guess at FAILED, and a report of what
 * really happened that arrives later still replaces it.
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
  DEAD_LETTERED,
  UNKNOWN;

  private static final Set<CommandStatus> TERMINAL =
      EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, EXPIRED, REJECTED, DEAD_LETTERED, UNKNOWN);

  /** What a gateway reports after calling the bot: these may replace {@link #UNKNOWN}. */
  private static final Set<CommandStatus> ESTABLISHED = EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT);

  public boolean terminal() {
    return TERMINAL.contains(this);
  }

  /**
   * Whether a result reporting {@code next} may be applied to a command in this status: never
   * backwards and never out of a terminal status, so duplicate or late results change nothing.
   */
  public boolean canMoveTo(CommandStatus next) {
    if (this == UNKNOWN) {
      return ESTABLISHED.contains(next);
    }
    return !terminal() && next.ordinal() > ordinal();
  }
}
