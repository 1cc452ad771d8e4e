package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trading-gateway module's own redis-server (append-only, {@code scripts/it-redis.sh}, started
 * before the test servers and stopped after them), which tests stop and start again mid-run: the
 * deployed servers and every test of the module use it ({@code it.redis.url}).
 */
final class ModuleRedis {

  private ModuleRedis() {}

  /** Shuts it down (its append-only file is flushed first). */
  static void stop() throws IOException, InterruptedException {
    run("stop");
  }

  /** Starts it again, on the same port and data. */
  static void start() throws IOException, InterruptedException {
    run("start", System.getProperty("it.redis.dir"));
  }

  /**
   * SIGKILL, as a crash or an OOM kill: what the append-only file (synced every second) has not
   * written yet is lost.
   */
  static void kill() throws IOException, InterruptedException {
    Path pidFile = Path.of(System.getProperty("it.redis.dir"), "redis.pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    for (int i = 0;
        i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        i++) {
      Thread.sleep(50);
    }
    Files.deleteIfExists(pidFile);
  }

  /** Stops it and deletes its data, as a Redis that comes back empty (no persistence). */
  static void wipe() throws IOException, InterruptedException {
    stop();
    Path dir = Path.of(System.getProperty("it.redis.dir"));
    try (var files = Files.walk(dir)) {
      for (Path file :
          files.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(dir)).toList()) {
        if (!file.getFileName().toString().equals("redis.log")) {
          Files.delete(file);
        }
      }
    }
  }

  private static void run(String action, String... more) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                System.getProperty("it.redis.script"),
                action,
                System.getProperty("it.redis.port")));
    command.addAll(List.of(more));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor()).as("it-redis.sh %s", action).isZero();
  }
}
