package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;

/** Told what became of each entry, for metrics. */
public interface DispatchObserver {

  DispatchObserver NONE =
      new DispatchObserver() {
        @Override
        public void finished(CommandType type, CommandStatus status) {
          // not observed
        }

        @Override
        public void deadLettered(String reason) {
          // not observed
        }
      };

  /** A command ended with this status at this gateway. */
  void finished(CommandType type, CommandStatus status);

  /** An entry went to the dead-letter stream, for this reason (a short fixed text). */
  void deadLettered(String reason);
}
