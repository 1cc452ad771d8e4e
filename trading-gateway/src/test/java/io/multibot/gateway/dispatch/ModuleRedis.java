package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
