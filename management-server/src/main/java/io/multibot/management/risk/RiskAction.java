package io.multibot.management.risk;

import io.multibot.common.command.CommandType;
import io.multibot.management.platform.api.WireNames;
import java.util.Optional;

/** What a tripped policy does besides notifying (it always notifies and audits). */
public enum RiskAction {
  NOTIFY("notify", null, false),
  /** No new entries; open trades are managed as before. */
  PAUSE("pause", CommandType.PAUSE, false),
  STOP("stop", CommandType.STOP, false),
  /** The kill switch for the policy's bots, positions kept. */
  EMERGENCY_STOP("emergency-stop", CommandType.EMERGENCY_STOP, false),
  /** The kill switch for the policy's bots, every position exited first. */
  EMERGENCY_EXIT("emergency-exit", CommandType.EMERGENCY_STOP, true);

  private final String wire;
  private final CommandType command;
  private final boolean exitPositions;

  RiskAction(String wire, CommandType command, boolean exitPositions) {
    this.wire = wire;
    this.command = command;
    this.exitPositions = exitPositions;
  }

  public String wire() {
    return wire;
  }

  Optional<CommandType> command() {
    return Optional.ofNullable(command);
  }

  boolean exitPositions() {
    return exitPositions;
  }

  static Optional<RiskAction> parse(String wire) {
    return WireNames.find(values(), RiskAction::wire, wire);
  }
}
