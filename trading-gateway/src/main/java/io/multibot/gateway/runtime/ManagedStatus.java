package io.multibot.gateway.runtime;

import io.multibot.common.status.ProcessState;
import java.time.Instant;
import java.util.List;

/**
 * A managed bot as its supervisor sees it.
 *
 * @param pid the process id while a process runs, otherwise {@code -1}
 * @param restarts restarts in a row since the bot last ran long enough to count as stable
 * @param lastExitCode the code of the last exit the gateway did not ask for, or {@code null}
 * @param lastLogLines the last log lines kept at that exit
 */
public record ManagedStatus(
    String botId,
    ProcessState state,
    long pid,
    Instant since,
    int restarts,
    Integer lastExitCode,
    List<String> lastLogLines) {

  public ManagedStatus {
    lastLogLines = List.copyOf(lastLogLines);
  }
}
