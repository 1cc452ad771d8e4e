package io.multibot.gateway.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and ending bot processes, with a pid file so that a leftover is never run twice. */
final class Processes {

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private Processes() {}

  static Process start(BotWorkspace.Launch launch) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(launch.command()).directory(launch.directory().toFile());
    builder.environment().clear();
    builder.environment().putAll(launch.environment());
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.consoleFile().toFile()));
    Process process = builder.start();
    Files.writeString(
        launch.directory().resolve(BotWorkspace.PID_FILE),
        Long.toString(process.pid()),
        StandardCharsets.US_ASCII);
    return process;
  }

  /**
   * Ends a process left running in this workspace by an earlier gateway (one that died without
   * stopping its bots), so that the bot never runs twice.
   *
   * @return the pid that was ended
   */
  static Optional<Long> endLeftover(Path directory, Duration grace) throws IOException {
    Optional<ProcessHandle> leftover = leftover(directory);
    Files.deleteIfExists(directory.resolve(BotWorkspace.PID_FILE));
    if (leftover.isEmpty()) {
      return Optional.empty();
    }
    terminate(leftover.get(), grace);
    return Optional.of(leftover.get().pid());
  }

  /** The live process the workspace's pid file names, if its command line runs in the workspace. */
  static Optional<ProcessHandle> leftover(Path directory) throws IOException {
    Path pidFile = directory.resolve(BotWorkspace.PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(handle -> runsIn(handle, directory));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean runsIn(ProcessHandle handle, Path directory) {
    return handle
        .info()
        .commandLine()
        .map(line -> line.contains(directory.toString()))
        .orElse(false);
  }

  /**
   * SIGTERM, up to {@code grace} for the exit, then SIGKILL (children included).
   *
   * @return whether it exited within the grace period
   */
  static boolean terminate(ProcessHandle process, Duration grace) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (awaitExit(process, grace)) {
      return true;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit(process, KILL_WAIT);
    return false;
  }

  private static boolean awaitExit(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  static void forgetPid(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve(BotWorkspace.PID_FILE));
    } catch (IOException e) {
      // a stale pid file is checked against the command line before it is acted on
    }
  }
}
