package io.multibot.gateway.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to a managed bot's process.
 *
 * @param exitCode the process's exit code, for exits; otherwise {@code null}
 * @param detail one line for people, such as "restarting in PT2S"
 * @param logLines the last log lines, for exits and crashes
 */
public record RuntimeEvent(
    String botId, Kind kind, Integer exitCode, String detail, List<String> logLines, Instant at) {

  public RuntimeEvent {
    logLines = List.copyOf(logLines);
  }

  /** What happened. */
  public enum Kind {
    /** Launched and answering on its API. */
    STARTED,
    /** Exited on its own; restarted after a wait when its policy says so. */
    EXITED,
    /** Exited too often in a row: no more restarts. */
    CRASHED,
    /** Stopped because the gateway asked it to. */
    STOPPED
  }

  /** Receives the events of every managed bot; called from supervision threads. */
  @FunctionalInterface
  public interface Listener {
    void on(RuntimeEvent event);
  }
}
