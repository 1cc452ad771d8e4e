package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.stream.StreamNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A gateway node in a JVM of its own ({@link GatewayNodeMain}), for tests that kill a gateway
 * instance outright: SIGKILL to the process, as when a pod dies.
 */
final class GatewayJvm {

  private GatewayJvm() {}

  /** Starts a node on these streams with the test stream key; returns once it runs. */
  static Process start(StreamNames names, String instance) throws IOException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dsimulator.jar=" + System.getProperty("simulator.jar"),
                GatewayNodeMain.class.getName(),
                System.getProperty("it.redis.url"),
                names.prefix(),
                String.valueOf(names.partitions()),
                instance)
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("ready")) {
      // the node's log, until it says it runs
    }
    assertThat(line).as("the gateway JVM started").isEqualTo("ready");
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // keep its output flowing
                }
              } catch (IOException e) {
                // it died
              }
            });
    drain.setDaemon(true);
    drain.start();
    return process;
  }

  /** SIGKILL to the node and whatever it started. */
  static void kill(Process process) throws InterruptedException {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor();
  }
}
