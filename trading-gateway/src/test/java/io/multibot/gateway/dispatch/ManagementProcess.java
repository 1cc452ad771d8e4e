package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The management-e2e Liberty server as a process: killed outright (SIGKILL, as an OOM kill or a
 * node failure) and started again with {@code server start}, from the configuration the Liberty
 * plugin wrote when it created the server.
 */
final class ManagementProcess {

  private static final String SERVER = "management-e2e";
  private static final Path WLP = Path.of("target", "liberty", "wlp").toAbsolutePath();

  private ManagementProcess() {}

  /** SIGKILL to the server's JVM; returns once it is gone. */
  static void kill() throws IOException, InterruptedException {
    ProcessHandle jvm = jvm().orElseThrow(() -> new AssertionError("management-e2e does not run"));
    jvm.destroyForcibly();
    jvm.onExit().join();
  }

  /** {@code server start}, then waits until the server is ready (90 s at most). */
  static void start() throws IOException, InterruptedException {
    // Nothing of this JVM's standard streams may reach the server: it outlives this test JVM.
    ProcessBuilder start =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", SERVER)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(Path.of("target", SERVER + "-restart.log").toFile())
            .redirectErrorStream(true);
    start.environment().put("JAVA_HOME", System.getProperty("java.home"));
    start.start().waitFor();
    String ready =
        "http://localhost:" + System.getProperty("it.e2e.management.port") + "/health/ready";
    int status = 0;
    for (int i = 0; i < 360 && status != 200; i++) {
      Thread.sleep(250);
      try {
        status = HttpJson.get(ready).status();
      } catch (UncheckedIOException e) {
        status = 0;
      }
    }
    assertThat(status).as("management-e2e ready again").isEqualTo(200);
  }

  private static Optional<ProcessHandle> jvm() throws IOException {
    Path pidFile = WLP.resolve("usr/servers/.pid/" + SERVER + ".pid");
    if (Files.exists(pidFile)) {
      Optional<ProcessHandle> byFile =
          ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
      if (byFile.isPresent() && byFile.get().isAlive()) {
        return byFile;
      }
    }
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .filter(line -> line.contains("ws-server.jar") && line.contains(SERVER))
                    .isPresent())
        .findFirst();
  }
}
