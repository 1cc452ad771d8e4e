package io.multibot.perf;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Simulated freqtrade bots (the simulator jar) as child processes on free loopback ports. A fleet
 * of a thousand bots is a few simulator processes, each serving its share of the bots with the
 * simulator's {@code bots} knob: every bot has its own freqtrade state and trades at {@code
 * http://127.0.0.1:PORT/bots/k}, so a command to one bot is never seen by another (when a hundred
 * bots shared one state, the kill switch's confirming reads saw other bots' pauses and reported
 * FAILED).
 */
final class SimulatorFleet implements AutoCloseable {

  static final String USERNAME = "freqtrader";
  static final String PASSWORD = "performance-bot-password";

  private final List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> urls = new ArrayList<>();

  private final List<String> bases = new ArrayList<>();
  private final int botsEach;

  private SimulatorFleet(int botsEach) {
    this.botsEach = botsEach;
  }

  /** {@code count} simulators serving {@code bots} bots between them. */
  static SimulatorFleet start(Path jar, Path dir, int count, int bots)
      throws IOException, InterruptedException {
    SimulatorFleet fleet = new SimulatorFleet((bots + count - 1) / count);
    // the simulators must not outlive a run stopped with SIGTERM or Ctrl-C
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> fleet.processes.forEach(Process::destroyForcibly), "fleet-stop"));
    Files.createDirectories(dir);
    try {
      for (int i = 0; i < count; i++) {
        fleet.launch(jar, dir);
      }
    } catch (IOException | RuntimeException e) {
      fleet.close();
      throw e;
    }
    for (int k = 0; k < fleet.botsEach; k++) {
      for (String base : fleet.bases) {
        fleet.urls.add(base + "/bots/" + k);
      }
    }
    return fleet;
  }

  private void launch(Path jar, Path dir) throws IOException, InterruptedException {
    int port = freePort();
    Path config = Files.writeString(dir.resolve("simulator-" + port + ".json"), config(port));
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            jar.toString(),
            "trade",
            "--config",
            config.toString());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    processes.add(builder.start());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!listening(port)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the simulator on port " + port + " did not start");
      }
      Thread.sleep(100);
    }
    bases.add("http://127.0.0.1:" + port);
  }

  private String config(int port) {
    return "{\"bot_name\": \"perf-"
        + port
        + "\", \"initial_state\": \"running\","
        + " \"api_server\": {\"enabled\": true, \"listen_ip_address\": \"127.0.0.1\","
        + " \"listen_port\": "
        + port
        + ", \"username\": \""
        + USERNAME
        + "\", \"password\": \""
        + PASSWORD
        + "\", \"jwt_secret_key\": \"perf-"
        + port
        + "\"}, \"simulator\": {\"bots\": "
        + botsEach
        + ", \"history_candles\": 12}}";
  }

  /** The bots' base URLs, consecutive bots on different simulators. */
  List<String> urls() {
    return List.copyOf(urls);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    processes.forEach(Process::destroy);
    for (Process process : processes) {
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }
}
