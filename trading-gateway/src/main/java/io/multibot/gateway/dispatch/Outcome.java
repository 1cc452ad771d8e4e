package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandStatus;

/** How a command ended at the bot: the final status, why, and a JSON detail. */
record Outcome(CommandStatus status, String reason, String detail) {

  static Outcome succeeded(String detail) {
    return new Outcome(CommandStatus.SUCCEEDED, "", detail);
  }

  static Outcome failed(String reason) {
    return new Outcome(CommandStatus.FAILED, reason, "{}");
  }
}
